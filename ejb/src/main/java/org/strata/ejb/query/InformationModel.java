package org.strata.ejb.query;

import java.util.EnumSet;
import java.util.Set;

/** The Query/Retrieve information models (PS3.4 C.6) and the levels each offers. */
public enum InformationModel {
    /** PS3.4 C.6.1 */
    PATIENT_ROOT("1.2.840.10008.5.1.4.1.2.1", EnumSet.allOf(QueryLevel.class)),
    /** PS3.4 C.6.2 */
    STUDY_ROOT("1.2.840.10008.5.1.4.1.2.2", EnumSet.of(QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    /** PS3.4 C.6.3 (retired, still in use: see the HP archive's conformance statement) */
    PATIENT_STUDY_ONLY("1.2.840.10008.5.1.4.1.2.3", EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY));

    /** The model's UID prefix: FIND is .1, MOVE .2, GET .3 (PS3.4 C.6.x.1.2). */
    private final String uidPrefix;
    private final Set<QueryLevel> levels;

    InformationModel(String uidPrefix, Set<QueryLevel> levels) {
        this.uidPrefix = uidPrefix;
        this.levels = levels;
    }

    public boolean offers(QueryLevel level) {
        return levels.contains(level);
    }

    /** The model of a C-FIND SOP Class UID, or null. */
    public static InformationModel ofFind(String sopClassUid) {
        return of(sopClassUid, ".1");
    }

    /** The model of a C-MOVE or C-GET SOP Class UID, or null. */
    public static InformationModel ofRetrieve(String sopClassUid) {
        InformationModel move = of(sopClassUid, ".2");
        return move != null ? move : of(sopClassUid, ".3");
    }

    private static InformationModel of(String sopClassUid, String operation) {
        for (InformationModel m : values()) {
            if ((m.uidPrefix + operation).equals(sopClassUid)) {
                return m;
            }
        }
        return null;
    }
}
