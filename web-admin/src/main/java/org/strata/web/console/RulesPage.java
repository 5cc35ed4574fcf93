package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.strata.ejb.hsm.PolicyService;
import org.strata.ejb.hsm.RuleAction;
import org.strata.ejb.hsm.RuleDefinition;
import org.strata.ejb.hsm.RuleEvaluator;
import org.strata.ejb.hsm.TierRule;

/** Backing bean of the rule part of {@code storage.xhtml}: tiering rules; ages are ISO-8601 durations. */
@Named
@ViewScoped
public class RulesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PolicyService policies;

    @Inject
    RuleEvaluator evaluator;

    private List<TierRule> rules;
    private String id;
    private RuleAction action = RuleAction.MOVE;
    private String sourceTier;
    private String targetTier;
    private String storageGroup;
    private String minAgeSinceReceived;
    private String minAgeSinceAccess;
    private String modality;
    private String sourceAe;
    private boolean deleteLastCopy;
    private boolean enabled = true;

    public List<TierRule> getRules() {
        if (rules == null) {
            rules = policies.rules();
        }
        return rules;
    }

    public RuleAction[] getActions() {
        return RuleAction.values();
    }

    public void edit(TierRule r) {
        RuleDefinition d = r.definition();
        id = r.getId();
        action = d.action();
        sourceTier = d.sourceTier();
        targetTier = d.targetTier();
        storageGroup = d.storageGroup();
        minAgeSinceReceived = d.minAgeSinceReceived() == null ? null : d.minAgeSinceReceived().toString();
        minAgeSinceAccess = d.minAgeSinceAccess() == null ? null : d.minAgeSinceAccess().toString();
        modality = d.modality();
        sourceAe = d.sourceAe();
        deleteLastCopy = d.deleteLastCopy();
        enabled = d.enabled();
    }

    public void save() {
        if (Feedback.run("Saved rule " + id, () -> policies.putRule(id, new RuleDefinition(action, blankToNull(sourceTier),
                blankToNull(targetTier), blankToNull(storageGroup), duration(minAgeSinceReceived),
                duration(minAgeSinceAccess), blankToNull(modality), blankToNull(sourceAe), null, null,
                deleteLastCopy, enabled)))) {
            id = null;
            rules = null;
        }
    }

    public void delete(TierRule r) {
        Feedback.run("Deleted rule " + r.getId(), () -> policies.deleteRule(r.getId()));
        rules = null;
    }

    /** Evaluates the rules now, as the timer does. */
    public void evaluate() {
        Feedback.run(null, () -> Feedback.info("Rules evaluated: " + evaluator.evaluate().size() + " jobs enqueued"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Duration duration(String s) {
        try {
            return s == null || s.isBlank() ? null : Duration.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration (e.g. P30D): " + s);
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public RuleAction getAction() {
        return action;
    }

    public void setAction(RuleAction action) {
        this.action = action;
    }

    public String getSourceTier() {
        return sourceTier;
    }

    public void setSourceTier(String sourceTier) {
        this.sourceTier = sourceTier;
    }

    public String getTargetTier() {
        return targetTier;
    }

    public void setTargetTier(String targetTier) {
        this.targetTier = targetTier;
    }

    public String getStorageGroup() {
        return storageGroup;
    }

    public void setStorageGroup(String storageGroup) {
        this.storageGroup = storageGroup;
    }

    public String getMinAgeSinceReceived() {
        return minAgeSinceReceived;
    }

    public void setMinAgeSinceReceived(String minAgeSinceReceived) {
        this.minAgeSinceReceived = minAgeSinceReceived;
    }

    public String getMinAgeSinceAccess() {
        return minAgeSinceAccess;
    }

    public void setMinAgeSinceAccess(String minAgeSinceAccess) {
        this.minAgeSinceAccess = minAgeSinceAccess;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }

    public boolean isDeleteLastCopy() {
        return deleteLastCopy;
    }

    public void setDeleteLastCopy(boolean deleteLastCopy) {
        this.deleteLastCopy = deleteLastCopy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
