package org.strata.ejb.hsm;

import java.time.Duration;

/** The content of a tiering rule, as the REST API and the evaluator see it. */
public record RuleDefinition(RuleAction action, String sourceTier, String targetTier, String storageGroup,
                             Duration minAgeSinceReceived, Duration minAgeSinceAccess, String modality,
                             String sourceAe, Long minSizeBytes, Long maxSizeBytes, boolean deleteLastCopy,
                             boolean enabled) {

    public RuleDefinition {
        if (action == null || sourceTier == null || sourceTier.isBlank()) {
            throw new IllegalArgumentException("a rule needs an action (COPY, MOVE, DELETE) and a sourceTier");
        }
        if (action != RuleAction.DELETE && (targetTier == null || targetTier.isBlank())
                && (storageGroup == null || storageGroup.isBlank())) {
            throw new IllegalArgumentException("a COPY or MOVE rule needs a targetTier or a storageGroup");
        }
        if (targetTier != null && targetTier.equals(sourceTier)) {
            throw new IllegalArgumentException("targetTier equals sourceTier: " + sourceTier);
        }
    }
}
