package org.strata.ejb.hsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyModelTest {

    @Test
    void aStorageGroupNamesTheNextTierOfItsChain() {
        StorageGroup g = new StorageGroup("default", List.of("online", "s3", "tape"), List.of("CT1"));
        assertEquals("s3", g.next("online"));
        assertEquals("tape", g.next("s3"));
        assertNull(g.next("tape"));
        assertNull(g.next("elsewhere"));
        assertEquals(List.of("CT1"), g.getAeTitles());
    }

    @Test
    void aRuleKeepsItsDefinition() {
        RuleDefinition d = new RuleDefinition(RuleAction.MOVE, "online", null, "default", Duration.ofDays(30),
                null, "CT", null, 1000L, null, false, true);
        TierRule r = new TierRule("r1");
        r.update(d);
        assertEquals(d, r.definition());
    }

    @Test
    void incompleteRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RuleDefinition(RuleAction.MOVE, "online", null, null,
                null, null, null, null, null, null, false, true));
        assertThrows(IllegalArgumentException.class, () -> new RuleDefinition(RuleAction.COPY, "s3", "s3", null,
                null, null, null, null, null, null, false, true));
        assertThrows(IllegalArgumentException.class, () -> new RuleDefinition(null, "s3", "tape", null,
                null, null, null, null, null, null, false, true));
    }

    @Test
    void jobsNeedTheirTier() {
        assertThrows(IllegalArgumentException.class, () -> new JobRequest("1.2", JobAction.DELETE, null, null,
                false, false, null));
        assertEquals(JobAction.MOVE, JobRequest.migrate("1.2", "s3", false).action());
        assertEquals(JobAction.COPY, JobRequest.migrate("1.2", "s3", true).action());
        assertEquals(TierRegistry.ONLINE, JobRequest.recall("1.2").targetTier());
    }

    @Test
    void tierSettingsSurviveTheirTextForm() {
        Tier t = new Tier("s3", "s3://b", Map.of("accessKeyId", "a=b"));
        assertEquals(Map.of("accessKeyId", "a=b"), t.getSettings());
    }
}
