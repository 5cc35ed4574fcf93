package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;

/** The reader on pydicom's DICOMDIR variants (built by DCMTK and pydicom) and on corrupted offsets. */
class DicomDirReaderTest {

    private static final Path DIRS = Peers.TEST_FILES.resolve("dicomdirtests");

    @TempDir
    Path tmp;

    /** SOP Instance UID → path, as pydicom's FileSet sees it. */
    private static Map<String, String> pydicomView(Path dicomdir) throws Exception {
        String script = """
                import sys
                from pydicom.fileset import FileSet
                for i in FileSet(sys.argv[1]):
                    print(i.path, i.SOPInstanceUID)
                """;
        Peers.Result r = Peers.python(script, dicomdir.toString());
        assertEquals(0, r.exitCode(), r.all());
        Map<String, String> m = new TreeMap<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 2) {
                m.put(f[1], f[0]);
            }
        }
        return m;
    }

    private static Map<String, String> ourView(FileSetReader reader) {
        Map<String, String> m = new TreeMap<>();
        reader.references().forEach(r -> m.put(r.sopInstanceUid(), r.path().toString()));
        return m;
    }

    @Test
    void readsDcmtkDicomdirLikePydicom() throws Exception {
        FileSetReader reader = FileSetReader.open(DIRS.resolve("DICOMDIR"));
        assertEquals("PYDICOM_TEST", reader.directory().fileSetId());
        assertEquals(2, reader.directory().roots().size(), "patients 77654033 and 98890234");
        assertEquals(31, reader.references().size());
        assertEquals(List.of(), reader.missing());
        assertEquals(pydicomView(DIRS.resolve("DICOMDIR")), ourView(reader));
        FileSetReader.Reference first = reader.references().get(0);
        assertEquals("Doe^Archibald", first.record("PATIENT").key(Tag.PatientName));
        assertEquals("77654033", first.record("PATIENT").key(Tag.PatientID));
    }

    @Test
    void bigEndianImplicitAndReorderedVariantsGiveTheSameFiles() throws Exception {
        Map<String, String> expected = ourView(FileSetReader.open(DIRS.resolve("DICOMDIR")));
        for (String variant : List.of("DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-reordered")) {
            FileSetReader reader = FileSetReader.open(DIRS.resolve(variant));
            assertEquals(expected, ourView(reader), variant);
            assertEquals(2, reader.directory().roots().size(), variant);
        }
    }

    @Test
    void onlyTheOffsetsDefineTheTree() throws Exception {
        // DICOMDIR-nopatient: its root offset (0004,1200) names an IMAGE record whose next offset is 0,
        // so the root entity is that one record (pydicom's FileSet rejects this file outright)
        FileSetReader reader = FileSetReader.open(DIRS.resolve("DICOMDIR-nopatient"));
        assertEquals(1, reader.directory().roots().size());
        assertEquals("IMAGE", reader.directory().roots().get(0).type());
        assertEquals(396, reader.directory().roots().get(0).offset());
        assertEquals(List.of(FileId.parse("77654033/CR1/6154")),
                reader.references().stream().map(FileSetReader.Reference::fileId).toList());
    }

    @Test
    void lengthsRunningPastTheFileAreAMalformedDicomdir() {
        // DICOMDIR-nooffset had elements removed without fixing its item and sequence lengths
        DicomDirFormatException e = assertThrows(DicomDirFormatException.class,
                () -> DicomDirReader.read(DIRS.resolve("DICOMDIR-nooffset")));
        assertEquals(DicomDirFormatException.Kind.MALFORMED, e.kind());
    }

    @Test
    void anEmptyFileSetHasNoRecords() throws Exception {
        Path root = tmp.resolve("empty");
        FileSet fs = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).write(root);
        assertEquals(List.of(), DicomDirReader.read(fs.dicomdir()).roots());
        Peers.Result r = Peers.run("dciodvfy", fs.dicomdir().toString());
        assertTrue(!r.all().contains("Error"), r.all());
    }

    // --- corrupted copies of a DICOMDIR we wrote ---

    private Path writeSample() throws IOException {
        return FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).transform(new NativeReencoding())
                .add(Peers.sampleFiles()).write(tmp.resolve("fs")).dicomdir();
    }

    /** Overwrites the UL/US value of element {@code tag} in the record item at {@code recordOffset}. */
    private static void patch(Path file, long recordOffset, int tag, long value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = recordOffset + 8;
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 3; i++) {
                head.clear();
                ch.read(head, pos);
                head.flip();
                int t = (head.getShort() & 0xFFFF) << 16 | head.getShort() & 0xFFFF;
                head.position(6);
                int len = head.getShort() & 0xFFFF;
                if (t == tag) {
                    ByteBuffer v = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
                    if (len == 4) {
                        v.putInt((int) value);
                    } else {
                        v.putShort((short) value);
                    }
                    v.flip();
                    ch.write(v, pos + 8);
                    return;
                }
                pos += 8 + len;
            }
            throw new AssertionError("element not found in record at " + recordOffset);
        }
    }

    private static DicomDirFormatException.Kind failure(Path dicomdir) {
        return assertThrows(DicomDirFormatException.class, () -> DicomDirReader.read(dicomdir)).kind();
    }

    @Test
    void nextOffsetPointingAtItselfIsALoop() throws Exception {
        Path dir = writeSample();
        DirectoryRecord patient = DicomDirReader.read(dir).roots().get(1);
        patch(dir, patient.offset(), Tag.OffsetOfTheNextDirectoryRecord, patient.offset());
        assertEquals(DicomDirFormatException.Kind.LOOP, failure(dir));
    }

    @Test
    void lowerLevelOffsetBackToAnAncestorIsALoop() throws Exception {
        Path dir = writeSample();
        DirectoryRecord patient = DicomDirReader.read(dir).roots().get(0);
        DirectoryRecord series = patient.children().get(0).children().get(0);
        DirectoryRecord image = series.children().get(0);
        patch(dir, image.offset(), Tag.OffsetOfReferencedLowerLevelDirectoryEntity, patient.offset());
        assertEquals(DicomDirFormatException.Kind.LOOP, failure(dir));
    }

    @Test
    void offsetsOutsideTheSequenceOrBetweenRecordsAreRejected() throws Exception {
        Path dir = writeSample();
        DirectoryRecord patient = DicomDirReader.read(dir).roots().get(0);
        patch(dir, patient.offset(), Tag.OffsetOfTheNextDirectoryRecord, 0x7FFFFFF0L);
        assertEquals(DicomDirFormatException.Kind.OFFSET_OUT_OF_RANGE, failure(dir));
        patch(dir, patient.offset(), Tag.OffsetOfTheNextDirectoryRecord, 0xFFFFFFFFL);
        assertEquals(DicomDirFormatException.Kind.OFFSET_OUT_OF_RANGE, failure(dir));
        patch(dir, patient.offset(), Tag.OffsetOfTheNextDirectoryRecord, 10);
        assertEquals(DicomDirFormatException.Kind.OFFSET_OUT_OF_RANGE, failure(dir));
        patch(dir, patient.offset(), Tag.OffsetOfTheNextDirectoryRecord, patient.offset() + 2);
        assertEquals(DicomDirFormatException.Kind.NOT_A_RECORD, failure(dir));
    }

    @Test
    void inactiveRecordsAreSkippedAndMissingFilesReported() throws Exception {
        Path dir = writeSample();
        DicomDirectory before = DicomDirReader.read(dir);
        patch(dir, before.roots().get(1).offset(), Tag.RecordInUseFlag, 0);
        FileSetReader reader = FileSetReader.open(dir);
        assertEquals(5, reader.directory().roots().size());
        assertEquals(5, reader.references().size());
        Files.delete(reader.references().get(0).path());
        assertEquals(List.of(reader.references().get(0)), reader.missing());
    }

    @Test
    void fileIdsLeavingTheRootAreRejected() throws Exception {
        Path dir = writeSample();
        byte[] bytes = Files.readAllBytes(dir);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("DICOM\\PAT00001");
        assertTrue(at > 0);
        // same length, so every offset stays valid: "DICOM" becomes "..\\.."
        System.arraycopy("..\\..".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, at, 5);
        Files.write(dir, bytes);
        DicomDirFormatException e = assertThrows(DicomDirFormatException.class, () -> FileSetReader.open(dir));
        assertEquals(DicomDirFormatException.Kind.INVALID_FILE_ID, e.kind());
    }
}
