package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.strata.ejb.hsm.PolicyService;
import org.strata.ejb.hsm.StorageGroup;

/** Backing bean of the storage group part of {@code storage.xhtml}: tier chains and their source AEs. */
@Named
@ViewScoped
public class GroupsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PolicyService policies;

    private List<StorageGroup> groups;
    private String id;
    private String tiers;
    private String aeTitles;

    public List<StorageGroup> getGroups() {
        if (groups == null) {
            groups = policies.groups();
        }
        return groups;
    }

    public void edit(StorageGroup g) {
        id = g.getId();
        tiers = String.join(", ", g.getTiers());
        aeTitles = String.join(", ", g.getAeTitles());
    }

    public void save() {
        if (Feedback.run("Saved storage group " + id, () -> policies.putGroup(id, list(tiers), list(aeTitles)))) {
            id = null;
            tiers = null;
            aeTitles = null;
            groups = null;
        }
    }

    public void delete(StorageGroup g) {
        Feedback.run("Deleted storage group " + g.getId(), () -> policies.deleteGroup(g.getId()));
        groups = null;
    }

    /** The tier chain as shown. */
    public String chain(StorageGroup g) {
        return String.join(" → ", g.getTiers());
    }

    public String aes(StorageGroup g) {
        return String.join(", ", g.getAeTitles());
    }

    /** A comma- or space-separated list. */
    static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTiers() {
        return tiers;
    }

    public void setTiers(String tiers) {
        this.tiers = tiers;
    }

    public String getAeTitles() {
        return aeTitles;
    }

    public void setAeTitles(String aeTitles) {
        this.aeTitles = aeTitles;
    }
}
