package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;

/**
 * Specific Character Set carried into records (PS3.3 F.5, Type 1C): pydicom must decode the
 * PATIENT records' names exactly as it decodes the instances (ISO 2022 Japanese/Korean, Cyrillic, UTF-8).
 */
class CharacterSetTest {

    private static final Path CHARSETS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
    private static final List<Path> FILES = List.of(CHARSETS.resolve("chrH31.dcm"), CHARSETS.resolve("chrI2.dcm"),
            CHARSETS.resolve("chrRuss.dcm"), CHARSETS.resolve("chrX1.dcm"), CHARSETS.resolve("chrGreek.dcm"));

    @TempDir
    Path tmp;

    @Test
    void pydicomDecodesRecordNamesLikeTheInstances() throws Exception {
        FileSet fs = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).add(FILES).write(tmp.resolve("fs"));
        String names = """
                import sys, pydicom
                for f in sys.argv[1:]:
                    print(pydicom.dcmread(f).PatientName)
                """;
        String records = """
                import sys, pydicom
                for r in pydicom.dcmread(sys.argv[1]).DirectoryRecordSequence:
                    if r.DirectoryRecordType == 'PATIENT':
                        print(r.PatientName)
                """;
        Peers.Result source = Peers.python(names, FILES.stream().map(Path::toString).toArray(String[]::new));
        Peers.Result ours = Peers.python(records, fs.dicomdir().toString());
        assertEquals(0, ours.exitCode(), ours.all());
        Set<String> expected = new TreeSet<>(source.stdout().lines().toList());
        assertEquals(5, expected.size(), source.all());
        assertEquals(expected, new TreeSet<>(ours.stdout().lines().toList()));

        Peers.Result dciodvfy = Peers.run("dciodvfy", fs.dicomdir().toString());
        assertFalse(dciodvfy.all().contains("Error"), dciodvfy.all());

        DirectoryRecord patient = DicomDirReader.read(fs.dicomdir()).roots().get(0);
        assertEquals(List.of("", "ISO 2022 IR 87"), List.of(patient.attributes().getStrings(Tag.SpecificCharacterSet)));
        DirectoryRecord series = patient.children().get(0).children().get(0);
        assertNull(series.attributes().getValue(Tag.SpecificCharacterSet), "no text keys in SERIES: no charset");
    }
}
