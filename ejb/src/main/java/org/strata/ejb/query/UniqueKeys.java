package org.strata.ejb.query;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * The unique key of each level (PS3.4 C.6.1.1, C.6.2.1) and the hierarchical search rule
 * (PS3.4 C.4.1.2.2.1): each level above the Query/Retrieve Level is named by a single value of
 * its unique key. Patient ID is the Patient level's key; the Study Root model has no Patient level.
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    static int of(QueryLevel level) {
        return switch (level) {
            case PATIENT -> Tag.PatientID;
            case STUDY -> Tag.StudyInstanceUID;
            case SERIES -> Tag.SeriesInstanceUID;
            case IMAGE -> Tag.SOPInstanceUID;
        };
    }

    /** The keyword of the first unique key above {@code level} without a single value, or null. */
    static String missingAbove(InformationModel model, QueryLevel level, Attributes identifier) {
        for (QueryLevel above : QueryLevel.values()) {
            if (above.ordinal() >= level.ordinal()) {
                break;
            }
            if (!model.offers(above)) {
                continue;
            }
            String[] values = identifier.getStrings(of(above));
            // single value matching: one value, neither empty nor a wild card (PS3.4 C.2.2.2.1)
            boolean single = values != null && values.length == 1 && values[0] != null && !values[0].isBlank()
                    && !Wildcards.has(values[0]);
            if (!single) {
                return switch (above) {
                    case PATIENT -> "Patient ID";
                    case STUDY -> "Study Instance UID";
                    default -> "Series Instance UID";
                };
            }
        }
        return null;
    }
}
