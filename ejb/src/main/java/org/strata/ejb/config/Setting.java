package org.strata.ejb.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One archive setting: configuration lives in the database, editable in the console. */
@Entity
@Table(name = "strata_setting")
@NamedQuery(name = Setting.FIND_ALL, query = "SELECT s FROM Setting s ORDER BY s.name")
public class Setting {

    public static final String FIND_ALL = "Setting.findAll";

    @Id
    @Column(name = "name", length = 128)
    private String name;

    @Column(name = "setting_value", length = 4000, nullable = false)
    private String value;

    @Version
    @Column(name = "version")
    private long version;

    protected Setting() {
        // for JPA
    }

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
