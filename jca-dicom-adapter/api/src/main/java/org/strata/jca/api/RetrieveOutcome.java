package org.strata.jca.api;

import java.util.List;

/**
 * The final result of a C-MOVE/C-GET: its status and sub-operation counts, and the SOP
 * Instance UIDs that failed (Failed SOP Instance UID List, 0008,0058).
 */
public record RetrieveOutcome(DimseStatus status, int completed, int failed, int warning,
                              List<String> failedSopInstanceUids) {

    public RetrieveOutcome {
        failedSopInstanceUids = List.copyOf(failedSopInstanceUids);
    }

    /** A failure before any sub-operation (e.g. A801 unknown destination). */
    public static RetrieveOutcome refused(DimseStatus status) {
        return new RetrieveOutcome(status, 0, 0, 0, List.of());
    }
}
