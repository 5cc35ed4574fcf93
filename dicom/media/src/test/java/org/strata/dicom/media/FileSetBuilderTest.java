package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;

/** File-set creation checked by dicom3tools' dciodvfy/dcentvfy, DCMTK's dcmdump and pydicom's FileSet. */
class FileSetBuilderTest {

    /**
     * dciodvfy warnings that come from the source instances, not from our encoding: waveform_ecg.dcm
     * has Patient's Name "Anonymous", which dciodvfy flags as the retired PN form; we copy keys as
     * they are (PS3.3 F.5: record keys are the instance's values).
     */
    private static final List<String> ACCEPTED_WARNINGS = List.of("Retired Person Name form");

    @TempDir
    Path tmp;

    private FileSet sampleFileSet() throws Exception {
        return FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("STRATA_TEST")
                .transform(new NativeReencoding()).add(Peers.sampleFiles()).write(tmp.resolve("fs"));
    }

    @Test
    void aVerifiedSrDocumentRecordCarriesTheLatestVerificationDateTime() throws Exception {
        // test-SR.dcm is VERIFIED; its Verification DateTime sits in the Verifying Observer Sequence
        FileSet fs = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("SR_TEST")
                .add(List.of(Peers.TEST_FILES.resolve("test-SR.dcm"))).write(tmp.resolve("sr"));
        Peers.Result r = Peers.run("dciodvfy", fs.dicomdir().toString());
        assertFalse(r.all().contains("Error"), r.all());
        Peers.Result dump = Peers.run("dcmdump", "+P", "0040,a030", fs.dicomdir().toString());
        assertTrue(dump.all().contains("[20010213184746]"), dump.all());
    }

    @Test
    void dciodvfyValidatesTheBasicDirectoryIod() throws Exception {
        FileSet fs = sampleFileSet();
        Peers.Result r = Peers.run("dciodvfy", fs.dicomdir().toString());
        assertTrue(r.all().contains("BasicDirectory"), r.all());
        assertFalse(r.all().contains("Error"), r.all());
        for (String line : r.all().split("\n")) {
            if (line.startsWith("Warning")) {
                assertTrue(ACCEPTED_WARNINGS.stream().anyMatch(line::contains), "undocumented warning: " + line);
            }
        }
        Peers.Result ent = Peers.run("dcentvfy", fs.dicomdir().toString());
        assertFalse(ent.all().contains("Error"), ent.all());
    }

    @Test
    void everyStoredFileIsExplicitLittleEndianAndValidForDciodvfy() throws Exception {
        FileSet fs = sampleFileSet();
        assertEquals(6, fs.entries().size());
        for (FileSet.Entry e : fs.entries()) {
            Path file = e.fileId().resolve(fs.root());
            DicomFile df = Part10Reader.read(file);
            assertEquals(UID.ExplicitVRLittleEndian, df.fileMeta().getString(Tag.TransferSyntaxUID).trim(), file.toString());
            assertEquals(UID.ExplicitVRLittleEndian, e.transferSyntaxUid());
        }
        // the two Implicit VR sources were re-encoded: DCMTK must read them whole
        for (FileSet.Entry e : fs.entries()) {
            Peers.Result r = Peers.run("dcmdump", "-q", e.fileId().resolve(fs.root()).toString());
            assertEquals(0, r.exitCode(), e + ": " + r.all());
        }
    }

    @Test
    void dcmdumpAndPydicomReadTheDicomdir() throws Exception {
        FileSet fs = sampleFileSet();
        Peers.Result dump = Peers.run("dcmdump", "-q", "+M", fs.dicomdir().toString());
        assertEquals(0, dump.exitCode(), dump.all());
        assertTrue(dump.stdout().contains("MediaStorageDirectoryStorage"), dump.stdout());
        assertTrue(dump.stdout().contains("(0004,1130) CS [STRATA_TEST]"), dump.stdout());

        String script = """
                import sys
                from pydicom.fileset import FileSet
                fs = FileSet(sys.argv[1])
                print('ID', fs.ID)
                for i in fs:
                    print(i.path, i.SOPInstanceUID, i.ReferencedTransferSyntaxUIDInFile)
                """;
        Peers.Result py = Peers.python(script, fs.dicomdir().toString());
        assertEquals(0, py.exitCode(), py.all());
        Map<String, String> pyPaths = new TreeMap<>();
        for (String line : py.stdout().split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 3) {
                pyPaths.put(f[1], f[0]);
                assertEquals(UID.ExplicitVRLittleEndian, f[2]);
            }
        }
        assertTrue(py.stdout().startsWith("ID STRATA_TEST"), py.stdout());
        Map<String, String> ours = new TreeMap<>();
        for (FileSet.Entry e : fs.entries()) {
            String iuid = Part10Reader.read(e.source()).dataset().getString(Tag.SOPInstanceUID).trim();
            ours.put(iuid, e.fileId().resolve(fs.root()).toString());
        }
        assertEquals(ours, pyPaths);
    }

    @Test
    void ourReaderFollowsTheOffsetsWeWrote() throws Exception {
        FileSet fs = sampleFileSet();
        FileSetReader reader = FileSetReader.open(fs.dicomdir());
        assertEquals("STRATA_TEST", reader.directory().fileSetId());
        assertEquals(List.of(), reader.missing());
        assertEquals(fs.entries().stream().map(FileSet.Entry::fileId).toList(),
                reader.references().stream().map(FileSetReader.Reference::fileId).toList());
        assertEquals(List.of("IMAGE", "IMAGE", "SR DOCUMENT", "WAVEFORM", "RT PLAN", "RT DOSE"),
                reader.references().stream().map(r -> r.leaf().type()).toList());
        for (FileSetReader.Reference r : reader.references()) {
            assertEquals(List.of("PATIENT", "STUDY", "SERIES"),
                    r.records().subList(0, 3).stream().map(DirectoryRecord::type).toList());
            DicomFile df = Part10Reader.read(r.path());
            assertEquals(df.dataset().getString(Tag.SOPInstanceUID).trim(), r.sopInstanceUid());
            assertEquals(df.dataset().getString(Tag.SeriesInstanceUID).trim(),
                    r.record("SERIES").key(Tag.SeriesInstanceUID));
        }
    }

    @Test
    void implicitVrWithoutTransformIsRefusedForStdGenCd() throws Exception {
        FileSetBuilder b = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD)
                .add(List.of(Peers.TEST_FILES.resolve("rtplan.dcm")));
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                () -> b.write(tmp.resolve("refused")));
        assertEquals(UID.ImplicitVRLittleEndian, e.transferSyntaxUid());
        assertTrue(e.getMessage().contains("STD-GEN-CD"), e.getMessage());
    }

    @Test
    void compressedInputIsRefusedEvenWithTheNativeTransform() throws Exception {
        FileSetBuilder b = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).transform(new NativeReencoding())
                .add(List.of(Peers.TEST_FILES.resolve("JPEG2000.dcm")));
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                () -> b.write(tmp.resolve("refused")));
        assertEquals("1.2.840.10008.1.2.4.91", e.transferSyntaxUid());
    }

    @Test
    void copiesAreByteIdenticalAndAnExistingFileSetIsNotOverwritten() throws Exception {
        FileSet fs = sampleFileSet();
        FileSet.Entry ct = fs.entries().get(0);
        assertArrayEquals(Files.readAllBytes(ct.source()), Files.readAllBytes(ct.fileId().resolve(fs.root())));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> FileSetBuilder
                .forProfile(ApplicationProfile.STD_GEN_CD).add(List.of(ct.source())).write(fs.root()));
    }

    @Test
    void inventedKeysAreReported() throws Exception {
        FileSet fs = sampleFileSet();
        // reportsi.dcm has an empty Patient ID and no Study Date/Time (taken from Content Date/Time)
        String notes = fs.notes().stream().collect(Collectors.joining("\n"));
        assertTrue(notes.contains("(0010,0020)"), notes);
        FileSetReader reader = FileSetReader.open(fs.dicomdir());
        DirectoryRecord study = reader.references().get(2).record("STUDY");
        assertEquals("20050530", study.key(Tag.StudyDate));
    }

    @Test
    void piecesAreCompleteFileSetsWithinCapacity() throws Exception {
        List<Path> dicomdirTests = new java.util.ArrayList<>();
        try (var walk = Files.walk(Peers.TEST_FILES.resolve("dicomdirtests/98892003"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(dicomdirTests::add);
        }
        long total = 0;
        for (Path p : dicomdirTests) {
            total += Files.size(p) + FileSetBuilder.RECORD_ALLOWANCE;
        }
        long capacity = total * 2 / 3;
        List<FileSet> pieces = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("SPLIT")
                .transform(new NativeReencoding()).add(dicomdirTests).writePieces(tmp.resolve("out"), capacity);
        assertEquals(2, pieces.size());
        assertEquals(dicomdirTests.size(), pieces.stream().mapToInt(p -> p.entries().size()).sum());
        java.util.Map<String, Integer> pieceOfSeries = new java.util.HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            FileSet fs = pieces.get(i);
            assertEquals("SPLIT_" + (i + 1), FileSetReader.open(fs.dicomdir()).directory().fileSetId());
            Peers.Result r = Peers.run("dciodvfy", fs.dicomdir().toString());
            assertFalse(r.all().contains("Error"), r.all());
            FileSetReader reader = FileSetReader.open(fs.dicomdir());
            assertEquals(List.of(), reader.missing());
            for (FileSetReader.Reference ref : reader.references()) {
                Integer before = pieceOfSeries.putIfAbsent(ref.record("SERIES").key(Tag.SeriesInstanceUID), i);
                assertTrue(before == null || before == i, "series split over pieces");
            }
        }
    }
}
