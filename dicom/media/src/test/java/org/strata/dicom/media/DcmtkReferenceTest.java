package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.io.Part10Reader;

/**
 * Our DICOMDIR against the one DCMTK's dcmmkdir (STD-GEN-CD, {@code -Pgp}) builds from the same
 * stored files: same record tree, same record types, same keys with the same values wherever the
 * value comes from the instance (invented values differ by design: DCMTK numbers them).
 */
class DcmtkReferenceTest {

    /** Elements we may have and DCMTK not: linkage, and Specific Character Set (1C) on records with text keys. */
    private static final Set<Integer> OURS_ONLY = Set.of(Tag.SpecificCharacterSet);
    /** DCMTK adds Image Type (Type 3) to IMAGE records; PS3.3 F.5.18 does not require it. */
    private static final Set<Integer> DCMTK_ONLY = Set.of(Tag.ImageType);

    @TempDir
    Path tmp;

    @Test
    void sameTreeAndKeysAsDcmmkdir() throws Exception {
        FileSet fs = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("STRATA")
                .transform(new NativeReencoding()).add(Peers.sampleFiles()).write(tmp.resolve("fs"));
        Path reference = tmp.resolve("DICOMDIR.dcmtk");
        Peers.Result r = Peers.run("dcmmkdir", "-Pgp", "+I", "+r", "+F", "STRATA", "+id", fs.root().toString(),
                "+D", reference.toString(), "DICOM");
        assertEquals(0, r.exitCode(), r.all());

        Map<String, FileSetReader.Reference> theirs = new HashMap<>();
        FileSetReader.open(reference).references().forEach(ref -> theirs.put(ref.sopInstanceUid(), ref));
        List<FileSetReader.Reference> ours = FileSetReader.open(fs.dicomdir()).references();
        assertEquals(theirs.keySet().size(), ours.size());
        for (FileSetReader.Reference mine : ours) {
            FileSetReader.Reference dcmtk = theirs.get(mine.sopInstanceUid());
            assertNotNull(dcmtk, mine.fileId().toString());
            assertEquals(dcmtk.fileId(), mine.fileId());
            assertEquals(types(dcmtk), types(mine), mine.fileId().toString());
            Attributes source = Part10Reader.read(mine.path()).dataset();
            for (int level = 0; level < mine.records().size(); level++) {
                compare(source, dcmtk.records().get(level).attributes(), mine.records().get(level).attributes(),
                        mine.fileId() + " " + mine.records().get(level).type());
            }
        }
    }

    private static List<String> types(FileSetReader.Reference ref) {
        return ref.records().stream().map(DirectoryRecord::type).toList();
    }

    private static void compare(Attributes source, Attributes dcmtk, Attributes ours, String where) {
        Set<String> onlyDcmtk = new TreeSet<>();
        Set<String> onlyOurs = new TreeSet<>();
        for (int i = 0; i < dcmtk.size(); i++) {
            int tag = dcmtk.tagAt(i);
            if (Tags.group(tag) == 4 || DCMTK_ONLY.contains(tag)) {
                continue;
            }
            if (!ours.contains(tag)) {
                onlyDcmtk.add(Tags.toString(tag));
            } else if (!source.getString(tag, "").isBlank() && dcmtk.vrAt(i) != org.strata.dicom.core.VR.SQ) {
                assertEquals(dcmtk.getString(tag, "").trim(), ours.getString(tag, "").trim(),
                        where + " " + Tags.toString(tag));
            }
        }
        for (int i = 0; i < ours.size(); i++) {
            int tag = ours.tagAt(i);
            if (Tags.group(tag) != 4 && !OURS_ONLY.contains(tag) && !dcmtk.contains(tag)) {
                onlyOurs.add(Tags.toString(tag));
            }
        }
        assertTrue(onlyDcmtk.isEmpty() && onlyOurs.isEmpty(), where + ": only DCMTK " + onlyDcmtk + ", only ours " + onlyOurs);
        if (dcmtk.contains(Tag.ReferencedFileID)) {
            assertEquals(dcmtk.getString(Tag.ReferencedSOPClassUIDInFile), ours.getString(Tag.ReferencedSOPClassUIDInFile));
            assertEquals(dcmtk.getString(Tag.ReferencedTransferSyntaxUIDInFile).trim(),
                    ours.getString(Tag.ReferencedTransferSyntaxUIDInFile).trim());
        }
    }
}
