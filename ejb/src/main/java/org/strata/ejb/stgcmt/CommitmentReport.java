package org.strata.ejb.stgcmt;

import org.strata.dicom.core.Attributes;

/**
 * The evaluated result of a commitment request: the N-EVENT-REPORT Event Information
 * (PS3.4 J.3.3.1), its Event Type ID, the number of failures, and whether it is final
 * ({@code false} while instances wait for a second-tier copy).
 */
public record CommitmentReport(Attributes eventInformation, int eventType, int failed, boolean complete) {

    /** Event Type ID 1: Storage Commitment Request Successful. */
    public static final int ALL_SUCCESSFUL = 1;
    /** Event Type ID 2: Storage Commitment Request Complete - Failures Exist. */
    public static final int FAILURES_EXIST = 2;
}
