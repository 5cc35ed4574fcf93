package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** PS3.10 8.2/8.5 File ID rules and the generator. */
class FileIdTest {

    @Test
    void componentsFollowPs310Section85() {
        assertTrue(FileId.isValidComponent("IMG_0001"));
        assertFalse(FileId.isValidComponent("IMG000001"), "9 characters");
        assertFalse(FileId.isValidComponent("img1"), "lower case");
        assertFalse(FileId.isValidComponent("A.DCM"), "dot");
        assertFalse(FileId.isValidComponent(""));
        assertThrows(IllegalArgumentException.class, () -> FileId.parse("A/B/C/D/E/F/G/H/I"), "9 levels");
        assertEquals(8, FileId.parse("A/B/C/D/E/F/G/H").components().size());
    }

    @Test
    void parsesBothSeparatorsAndResolvesBelowRoot() {
        FileId id = FileId.parse("DICOM\\PAT1\\IMG1");
        assertEquals(FileId.parse("DICOM/PAT1/IMG1"), id);
        assertEquals(Path.of("/r/DICOM/PAT1/IMG1"), id.resolve(Path.of("/r")));
        assertEquals("DICOM/PAT1/IMG1", id.toString());
    }

    @Test
    void generatorIsStableUniqueAndHierarchical() {
        FileIdGenerator a = new FileIdGenerator();
        FileId first = a.next("P1", "S1", "SE1", "I1");
        FileId second = a.next("P1", "S1", "SE1", "I2");
        FileId otherSeries = a.next("P1", "S1", "SE2", "I3");
        FileId otherPatient = a.next("P2", "S9", "SE9", "I4");
        assertEquals(FileId.parse("DICOM/PAT00001/STU00001/SER00001/IMG00001"), first);
        assertEquals(FileId.parse("DICOM/PAT00001/STU00001/SER00001/IMG00002"), second);
        assertEquals(FileId.parse("DICOM/PAT00001/STU00001/SER00002/IMG00001"), otherSeries);
        assertEquals(FileId.parse("DICOM/PAT00002/STU00001/SER00001/IMG00001"), otherPatient);
        assertEquals(first, a.next("P1", "S1", "SE1", "I1"), "same instance, same ID");

        FileIdGenerator b = new FileIdGenerator();
        Set<FileId> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            FileId id = b.next("P" + i % 3, "S" + i % 7, "SE" + i % 11, "I" + i);
            assertTrue(ids.add(id), "unique: " + id);
        }
        FileIdGenerator c = new FileIdGenerator();
        for (int i = 0; i < 500; i++) {
            assertTrue(ids.contains(c.next("P" + i % 3, "S" + i % 7, "SE" + i % 11, "I" + i)), "same order, same IDs");
        }
        assertNotEquals(first, second);
    }
}
