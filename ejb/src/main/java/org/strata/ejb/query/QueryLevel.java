package org.strata.ejb.query;

/** Query/Retrieve Level (0008,0052), PS3.4 C.6; each level's entity alias in the queries. */
public enum QueryLevel {
    PATIENT("p"), STUDY("s"), SERIES("se"), IMAGE("i");

    private final String alias;

    QueryLevel(String alias) {
        this.alias = alias;
    }

    /** The JPQL alias of this level's entity. */
    public String alias() {
        return alias;
    }

    /** Parses the attribute's value; null for a missing or unknown level. */
    public static QueryLevel of(String value) {
        if (value == null) {
            return null;
        }
        for (QueryLevel level : values()) {
            if (level.name().equals(value.strip())) {
                return level;
            }
        }
        return null;
    }
}
