package org.strata.dicom.core.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.Part10Reader;

/** Encoding: every text value of the charset corpus re-encodes to its original bytes. */
class CharacterSetEncodeTest {

    @Test
    void reencodesCorpusValuesToTheOriginalBytes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Corpus.PYDICOM_DATA.resolve("charset_files"))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        int[] count = new int[1];
        for (Path f : files) {
            check(Part10Reader.read(f).dataset(), f.getFileName().toString(), count);
        }
        assertTrue(count[0] >= 120, "values checked: " + count[0]);
    }

    private void check(Attributes ds, String where, int[] count) {
        SpecificCharacterSet cs = ds.specificCharacterSet();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    check(item, where, count);
                }
            } else if (ds.vrAt(i).usesSpecificCharacterSet() && ds.valueAt(i) instanceof byte[] raw) {
                byte[] unpadded = stripPadding(raw);
                String decoded = cs.decode(unpadded, ds.vrAt(i));
                byte[] encoded = cs.encode(decoded, ds.vrAt(i));
                String what = where + " " + Integer.toHexString(ds.tagAt(i)) + " [" + decoded + "] with " + cs;
                assertEquals(decoded, cs.decode(encoded, ds.vrAt(i)), what);
                if (!Arrays.equals(unpadded, encoded)) {
                    // accepted differences: redundant ESC ( B in the original where G0 was already ASCII,
                    // and ESC ( B vs ESC ( J to return from JIS X 0208 (both ASCII-compatible G0 sets)
                    assertEquals(withoutAsciiEscapes(unpadded), withoutAsciiEscapes(encoded), what);
                }
                count[0]++;
            }
        }
    }

    private static String withoutAsciiEscapes(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).replace("\u001b(B", "").replace("\u001b(J", "");
    }

    private static byte[] stripPadding(byte[] b) {
        int n = b.length;
        while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == 0)) {
            n--;
        }
        return Arrays.copyOf(b, n);
    }

    @Test
    void encodesJapanesePersonNameAsInPs35AnnexH() {
        // PS3.5 H.3.1: Yamada^Tarou=山田^太郎=やまだ^たろう with ISO 2022 IR 87
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        byte[] b = cs.encode("Yamada^Tarou=山田^太郎=やまだ^たろう", VR.PN);
        String expected = "Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^\u001b$B$?$m$&\u001b(B";
        assertEquals(expected, new String(b, StandardCharsets.ISO_8859_1));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.decode(b, VR.PN));
    }

    @Test
    void resetsToInitialSetAtPersonNameDelimiters() {
        // PS3.5 I.2 (Korean): G1 designation repeated after each component delimiter
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        byte[] b = cs.encode("Hong^Gildong=洪^吉洞", VR.PN);
        byte[] esc = {0x1b, '$', ')', 'C'};
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String e = new String(esc, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("Hong^Gildong=" + e), s);
        assertTrue(s.contains("^" + e), s);
        assertEquals("Hong^Gildong=洪^吉洞", cs.decode(b, VR.PN));
    }

    @Test
    void singleByteAndUtf8Sets() {
        assertEquals("Buc^Jérôme", SpecificCharacterSet.of("ISO_IR 100")
                .decode("Buc^J\u00e9r\u00f4me".getBytes(StandardCharsets.ISO_8859_1), VR.PN));
        assertEquals("Люкceмбypг", SpecificCharacterSet.of("ISO_IR 144")
                .decode(SpecificCharacterSet.of("ISO_IR 144").encode("Люкceмбypг", VR.PN), VR.PN));
        assertArrayEquals("Wang^XiaoDong=王^小東".getBytes(StandardCharsets.UTF_8),
                SpecificCharacterSet.of("ISO_IR 192").encode("Wang^XiaoDong=王^小東", VR.PN));
        assertEquals("ｼﾔﾏﾀﾞ^ﾀﾛｳ", SpecificCharacterSet.of("ISO_IR 13")
                .decode(SpecificCharacterSet.of("ISO_IR 13").encode("ｼﾔﾏﾀﾞ^ﾀﾛｳ", VR.PN), VR.PN));
    }
}
