package org.strata.dicom.core.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.strata.dicom.core.VR;

/**
 * The character repertoire(s) of a data set, from Specific Character Set (0008,0005)
 * (PS3.5 6.1, PS3.3 C.12.1.1.2). Applies to SH, LO, UC, ST, LT, UT and PN values. A single
 * term without code extensions maps to one charset; several terms, or an "ISO 2022" term, use
 * ISO 2022 escape sequences ({@link Iso2022}). Unknown terms fall back to the default repertoire.
 */
public final class SpecificCharacterSet {

    /**
     * The default repertoire (ISO_IR 6). Bytes above 7F, invalid there, are decoded as
     * ISO 8859-1 rather than lost, as pydicom and DCMTK do.
     */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], null, null);

    private final String[] values;
    private final CharacterSetTerm single;
    private final Iso2022 iso2022;

    private SpecificCharacterSet(String[] values, CharacterSetTerm single, Iso2022 iso2022) {
        this.values = values;
        this.single = single;
        this.iso2022 = iso2022;
    }

    /** The character set named by the values of (0008,0005). */
    public static SpecificCharacterSet of(String... values) {
        if (values.length == 0 || values.length == 1 && values[0].trim().isEmpty()) {
            return DEFAULT;
        }
        List<CharacterSetTerm> terms = new ArrayList<>();
        boolean extensions = values.length > 1;
        for (String v : values) {
            CharacterSetTerm t = CharacterSetTerm.of(v);
            if (t != null && !terms.contains(t)) {
                terms.add(t);
            }
            extensions |= CharacterSetTerm.isExtension(v);
        }
        if (terms.isEmpty() || CharacterSetTerm.of(values[0]) == null) {
            return DEFAULT;
        }
        if (terms.contains(CharacterSetTerm.ISO_IR_13) && extensions) {
            terms.add(CharacterSetTerm.JIS_X0201_ROMAJI);
        }
        boolean multiByteWithoutExtensions = terms.get(0).element() == CharacterSetTerm.Element.NONE;
        if (extensions && !multiByteWithoutExtensions) {
            return new SpecificCharacterSet(values.clone(), null, new Iso2022(terms));
        }
        return new SpecificCharacterSet(values.clone(), terms.get(0), null);
    }

    /** The values this set was made from. */
    public String[] values() {
        return values.clone();
    }

    /** Whether ISO 2022 code extensions are in use. */
    public boolean usesCodeExtensions() {
        return iso2022 != null;
    }

    public String decode(byte[] b, VR vr) {
        if (iso2022 != null) {
            return iso2022.decode(b, vr);
        }
        if (single == null || single == CharacterSetTerm.ISO_IR_6) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        if (single == CharacterSetTerm.ISO_IR_13) {
            StringBuilder sb = new StringBuilder(b.length);
            for (byte x : b) {
                int c = x & 0xFF;
                sb.append(c < 0x80 ? String.valueOf((char) c) : Iso2022.decodeSingleG1(single, c));
            }
            return sb.toString();
        }
        return new String(b, charset());
    }

    public byte[] encode(String s, VR vr) {
        if (iso2022 != null) {
            return iso2022.encode(s, vr);
        }
        if (single == CharacterSetTerm.ISO_IR_13) {
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                byte[] k = Iso2022.encodeChar(single, String.valueOf(c));
                out[i] = c < 0x80 ? (byte) c : k != null ? k[0] : (byte) '?';
            }
            return out;
        }
        return s.getBytes(single == null || single == CharacterSetTerm.ISO_IR_6 ? StandardCharsets.ISO_8859_1 : charset());
    }

    private Charset charset() {
        return single.charset();
    }

    @Override
    public String toString() {
        return values.length == 0 ? "ISO_IR 6" : String.join("\\", values);
    }
}
