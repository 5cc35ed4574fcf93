package org.strata.ejb.hsm;

/**
 * What a job is asked to do to one study. {@code sourceTier} null means: from the best copy
 * on any other tier.
 */
public record JobRequest(String studyInstanceUid, JobAction action, String sourceTier, String targetTier,
                         boolean keepSource, boolean deleteLastCopy, String ruleId) {

    public JobRequest {
        if (studyInstanceUid == null || studyInstanceUid.isBlank() || action == null) {
            throw new IllegalArgumentException("a job needs a study and an action");
        }
        if (action == JobAction.DELETE ? sourceTier == null : targetTier == null) {
            throw new IllegalArgumentException(action + " needs a " + (action == JobAction.DELETE ? "source" : "target")
                    + " tier");
        }
    }

    public static JobRequest migrate(String study, String target, boolean keepSource) {
        return new JobRequest(study, keepSource ? JobAction.COPY : JobAction.MOVE, null, target, keepSource, false, null);
    }

    public static JobRequest recall(String study) {
        return new JobRequest(study, JobAction.RECALL, null, TierRegistry.ONLINE, true, false, null);
    }
}
