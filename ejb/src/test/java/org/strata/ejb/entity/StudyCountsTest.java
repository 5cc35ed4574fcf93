package org.strata.ejb.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StudyCountsTest {

    @Test
    void countsAndModalitiesFollowTheInstancesAdded() {
        Study study = new Study(new Patient("P1", "", "Doe^John"), "1.2.3", Instant.EPOCH);
        study.addInstance(true, "MR", 100, Instant.EPOCH);
        study.addInstance(false, "MR", 50, Instant.EPOCH);
        study.addInstance(true, "CT", 10, Instant.EPOCH);
        study.addInstance(true, "", 1, Instant.EPOCH);
        assertEquals(3, study.getNumberOfSeries());
        assertEquals(4, study.getNumberOfInstances());
        assertEquals(161, study.getSizeBytes());
        assertEquals("CT\\MR", study.getModalitiesInStudy());
    }

    @Test
    void modalitiesAreASortedSetWithoutDuplicates() {
        assertEquals("CT", Modalities.add(null, "CT"));
        assertEquals("CT\\MR\\PR", Modalities.add("MR\\PR", "CT"));
        assertEquals("MR\\PR", Modalities.add("MR\\PR", "PR"));
    }
}
