package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;

/**
 * A storage group: the chain of tiers studies go down (e.g. {@code online → s3 → tape}) and the
 * sending AEs it applies to (empty: every AE). A rule without a target tier moves a study to the
 * tier after its source in the chain.
 */
@Entity
@Table(name = "hsm_storage_group")
@NamedQuery(name = StorageGroup.FIND_ALL, query = "SELECT g FROM StorageGroup g ORDER BY g.id")
public class StorageGroup {

    public static final String FIND_ALL = "StorageGroup.findAll";

    @Id
    @Column(name = "id", length = 64)
    private String id;

    /** Tier ids, comma-separated, first the fastest. */
    @Column(name = "tiers", length = 1000, nullable = false)
    private String tiers;

    /** Source AE titles, comma-separated; empty for all. */
    @Column(name = "ae_titles", length = 1000)
    private String aeTitles;

    @Version
    private long version;

    protected StorageGroup() {
    }

    public StorageGroup(String id, List<String> tiers, List<String> aeTitles) {
        this.id = id;
        update(tiers, aeTitles);
    }

    public void update(List<String> tiers, List<String> aeTitles) {
        this.tiers = String.join(",", tiers);
        this.aeTitles = aeTitles == null ? "" : String.join(",", aeTitles);
    }

    public String getId() {
        return id;
    }

    public List<String> getTiers() {
        return split(tiers);
    }

    public List<String> getAeTitles() {
        return split(aeTitles);
    }

    /** The tier after {@code tier} in the chain, or null at the end (or when not in it). */
    public String next(String tier) {
        List<String> chain = getTiers();
        int i = chain.indexOf(tier);
        return i < 0 || i + 1 >= chain.size() ? null : chain.get(i + 1);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
