package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.strata.ejb.config.Setting;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.query.FindService;
import org.strata.ejb.store.DuplicatePolicy;
import org.strata.ejb.store.StoreService;
import org.strata.ejb.system.SystemInfoService;

/**
 * Backing bean of {@code settings.xhtml}: the settings of one of our AE titles (duplicate policy,
 * query matching) and every setting kept in the database by name.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SettingsService settings;

    @Inject
    SystemInfoService system;

    private List<Setting> all;
    private String aeTitle;
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.OVERWRITE;
    private boolean caseInsensitiveNames;
    private boolean strictHierarchical;
    private String name;
    private String value;

    public List<Setting> getAll() {
        if (all == null) {
            all = settings.all();
        }
        return all;
    }

    public DuplicatePolicy[] getDuplicatePolicies() {
        return DuplicatePolicy.values();
    }

    /** Shows the settings of the AE title entered (ours by default). */
    public void load() {
        String aet = aet();
        duplicatePolicy = settings.get(StoreService.DUPLICATE_POLICY_SETTING + aet).map(DuplicatePolicy::valueOf)
                .orElse(DuplicatePolicy.OVERWRITE);
        caseInsensitiveNames = flag(FindService.PN_CASE_INSENSITIVE_SETTING + aet);
        strictHierarchical = flag(FindService.STRICT_HIERARCHICAL_SETTING + aet);
    }

    public void saveAe() {
        String aet = aet();
        Feedback.run("Saved the settings of " + aet, () -> {
            settings.put(StoreService.DUPLICATE_POLICY_SETTING + aet, duplicatePolicy.name());
            settings.put(FindService.PN_CASE_INSENSITIVE_SETTING + aet, Boolean.toString(caseInsensitiveNames));
            settings.put(FindService.STRICT_HIERARCHICAL_SETTING + aet, Boolean.toString(strictHierarchical));
        });
        all = null;
    }

    /** Fills the name / value form with a setting to change it. */
    public void edit(Setting s) {
        name = s.getName();
        value = s.getValue();
    }

    public void save() {
        if (Feedback.run("Saved " + name, () -> {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("a setting needs a name and a value");
            }
            if (name.length() > 128 || value.length() > 4000) {
                throw new IllegalArgumentException("name is limited to 128 and value to 4000 characters");
            }
            settings.put(name.strip(), value);
        })) {
            name = null;
            value = null;
            all = null;
        }
    }

    private String aet() {
        if (aeTitle == null || aeTitle.isBlank()) {
            aeTitle = system.info().aeTitle();
        }
        return aeTitle.strip();
    }

    private boolean flag(String setting) {
        return settings.get(setting).map(Boolean::parseBoolean).orElse(false);
    }

    public String getAeTitle() {
        if (aeTitle == null) {
            aet();
            load();
        }
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public DuplicatePolicy getDuplicatePolicy() {
        return duplicatePolicy;
    }

    public void setDuplicatePolicy(DuplicatePolicy duplicatePolicy) {
        this.duplicatePolicy = duplicatePolicy;
    }

    public boolean isCaseInsensitiveNames() {
        return caseInsensitiveNames;
    }

    public void setCaseInsensitiveNames(boolean caseInsensitiveNames) {
        this.caseInsensitiveNames = caseInsensitiveNames;
    }

    public boolean isStrictHierarchical() {
        return strictHierarchical;
    }

    public void setStrictHierarchical(boolean strictHierarchical) {
        this.strictHierarchical = strictHierarchical;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
