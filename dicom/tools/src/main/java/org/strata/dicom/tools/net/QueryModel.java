package org.strata.dicom.tools.net;

/** Query/Retrieve information models (PS3.4 C.6) and their SOP classes for FIND, MOVE and GET. */
enum QueryModel {
    PATIENT_ROOT("1.2.840.10008.5.1.4.1.2.1.1", "1.2.840.10008.5.1.4.1.2.1.2", "1.2.840.10008.5.1.4.1.2.1.3"),
    STUDY_ROOT("1.2.840.10008.5.1.4.1.2.2.1", "1.2.840.10008.5.1.4.1.2.2.2", "1.2.840.10008.5.1.4.1.2.2.3");

    final String find;
    final String move;
    final String get;

    QueryModel(String find, String move, String get) {
        this.find = find;
        this.move = move;
        this.get = get;
    }

    /** {@code -M PatientRoot|StudyRoot}, default Study Root. */
    static QueryModel of(String option) {
        return option == null || option.equalsIgnoreCase("StudyRoot") ? STUDY_ROOT : switch (option.toLowerCase()) {
            case "patientroot" -> PATIENT_ROOT;
            default -> throw new IllegalArgumentException("unknown information model " + option
                    + " (PatientRoot or StudyRoot)");
        };
    }
}
