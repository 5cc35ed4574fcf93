package org.strata.ejb.query;

import java.util.EnumSet;
import java.util.Set;

/** The Query/Retrieve information models (PS3.4 C.6) and the levels each offers. */
public enum InformationModel {
    /** PS3.4 C.6.1 */
    PATIENT_ROOT("1.2.840.10008.5.1.4.1.2.1.1", EnumSet.allOf(QueryLevel.class)),
    /** PS3.4 C.6.2 */
    STUDY_ROOT("1.2.840.10008.5.1.4.1.2.2.1", EnumSet.of(QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    /** PS3.4 C.6.3 (retired, still in use: see the HP archive's conformance statement) */
    PATIENT_STUDY_ONLY("1.2.840.10008.5.1.4.1.2.3.1", EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY));

    private final String findSopClassUid;
    private final Set<QueryLevel> levels;

    InformationModel(String findSopClassUid, Set<QueryLevel> levels) {
        this.findSopClassUid = findSopClassUid;
        this.levels = levels;
    }

    public boolean offers(QueryLevel level) {
        return levels.contains(level);
    }

    /** The model of a C-FIND SOP Class UID, or null. */
    public static InformationModel ofFind(String sopClassUid) {
        for (InformationModel m : values()) {
            if (m.findSopClassUid.equals(sopClassUid)) {
                return m;
            }
        }
        return null;
    }
}
