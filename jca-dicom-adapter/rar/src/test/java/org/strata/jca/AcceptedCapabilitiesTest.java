package org.strata.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;

class AcceptedCapabilitiesTest {

    @Test
    void storageSopClassesOfTheStandardAreAcceptedOthersNot() {
        List<String> storage = AcceptedCapabilities.storageSopClasses();
        assertTrue(storage.contains("1.2.840.10008.5.1.4.1.1.2"), "CT Image Storage");
        assertTrue(storage.contains("1.2.840.10008.5.1.4.1.1.88.11"), "Basic Text SR Storage");
        assertTrue(storage.contains("1.2.840.10008.5.1.4.1.1.9.1.1"), "12-lead ECG Waveform Storage");
        assertFalse(storage.contains("1.2.840.10008.1.20.1"), "Storage Commitment Push Model is no storage");
        assertFalse(storage.contains("1.2.840.10008.1.3.10"), "Media Storage Directory is no storage");
        assertTrue(storage.size() > 150, "all of them: " + storage.size());
    }

    @Test
    void losslessIsPreferredToUncompressedAndLossyComesLast() {
        TransferCapability ct = AcceptedCapabilities.all().stream()
                .filter(c -> c.sopClassUid().equals("1.2.840.10008.5.1.4.1.1.2") && c.role() == Role.SCP)
                .findFirst().orElseThrow();
        assertEquals("1.2.840.10008.1.2.4.80", ct.select(List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.80")));
        assertEquals("1.2.840.10008.1.2.1", ct.select(List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.1")));
        assertEquals("1.2.840.10008.1.2.4.50", ct.select(List.of("1.2.840.10008.1.2.4.50")));
        assertEquals(null, ct.select(List.of("1.2.3.4.5.6.private.ts")));
    }

    @Test
    void unknownAbstractSyntaxesHaveNoCapability() {
        assertTrue(AcceptedCapabilities.all().stream().noneMatch(c -> c.matchesSopClass("1.2.3.4.5.6.7.8.9")));
    }

    @Test
    void workflowClassesAreAcceptedAsScp() {
        for (String uid : List.of("1.2.840.10008.1.20.1", "1.2.840.10008.3.1.2.3.3", "1.2.840.10008.5.1.1.33",
                "1.2.840.10008.5.1.4.31")) {
            assertTrue(AcceptedCapabilities.all().stream().anyMatch(c -> c.sopClassUid().equals(uid)
                    && c.role() == Role.SCP), uid);
            assertFalse(AcceptedCapabilities.all().stream().anyMatch(c -> c.sopClassUid().equals(uid)
                    && c.role() == Role.SCU), uid + " : the archive never invokes it as SCU");
        }
    }
}
