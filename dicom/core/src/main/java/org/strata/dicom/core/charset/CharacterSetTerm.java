package org.strata.dicom.core.charset;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The Defined Terms of Specific Character Set (0008,0005) of PS3.3 C.12.1.1.2 (Tables C.12-2 to
 * C.12-5) with the code element they designate, their ISO 2022 escape sequence and the Java
 * charset that decodes their code points.
 */
public enum CharacterSetTerm {
    // single-byte without code extensions (Table C.12-2) and with (Table C.12-3)
    ISO_IR_6("ISO_IR 6", "ISO 2022 IR 6", Element.G0, "US-ASCII", 0x1B, 0x28, 0x42),
    ISO_IR_100("ISO_IR 100", "ISO 2022 IR 100", Element.G1, "ISO-8859-1", 0x1B, 0x2D, 0x41),
    ISO_IR_101("ISO_IR 101", "ISO 2022 IR 101", Element.G1, "ISO-8859-2", 0x1B, 0x2D, 0x42),
    ISO_IR_109("ISO_IR 109", "ISO 2022 IR 109", Element.G1, "ISO-8859-3", 0x1B, 0x2D, 0x43),
    ISO_IR_110("ISO_IR 110", "ISO 2022 IR 110", Element.G1, "ISO-8859-4", 0x1B, 0x2D, 0x44),
    ISO_IR_144("ISO_IR 144", "ISO 2022 IR 144", Element.G1, "ISO-8859-5", 0x1B, 0x2D, 0x4C),
    ISO_IR_127("ISO_IR 127", "ISO 2022 IR 127", Element.G1, "ISO-8859-6", 0x1B, 0x2D, 0x47),
    ISO_IR_126("ISO_IR 126", "ISO 2022 IR 126", Element.G1, "ISO-8859-7", 0x1B, 0x2D, 0x46),
    ISO_IR_138("ISO_IR 138", "ISO 2022 IR 138", Element.G1, "ISO-8859-8", 0x1B, 0x2D, 0x48),
    ISO_IR_148("ISO_IR 148", "ISO 2022 IR 148", Element.G1, "ISO-8859-9", 0x1B, 0x2D, 0x4D),
    ISO_IR_166("ISO_IR 166", "ISO 2022 IR 166", Element.G1, "TIS-620", 0x1B, 0x2D, 0x54),
    /** JIS X 0201 Katakana in G1; its Romaji G0 is {@link #JIS_X0201_ROMAJI}. */
    ISO_IR_13("ISO_IR 13", "ISO 2022 IR 13", Element.G1, "JIS_X0201", 0x1B, 0x29, 0x49),
    /** JIS X 0201 Romaji, designated to G0 by ESC ( J when ISO 2022 IR 13 is in use. */
    JIS_X0201_ROMAJI("", "", Element.G0, "JIS_X0201", 0x1B, 0x28, 0x4A),
    // multi-byte with code extensions (Table C.12-4)
    ISO_IR_87("", "ISO 2022 IR 87", Element.G0, "EUC-JP", 0x1B, 0x24, 0x42),
    ISO_IR_159("", "ISO 2022 IR 159", Element.G0, "EUC-JP", 0x1B, 0x24, 0x28, 0x44),
    ISO_IR_149("", "ISO 2022 IR 149", Element.G1, "EUC-KR", 0x1B, 0x24, 0x29, 0x43),
    ISO_IR_58("", "ISO 2022 IR 58", Element.G1, "GB2312", 0x1B, 0x24, 0x29, 0x41),
    // multi-byte without code extensions (Table C.12-5)
    ISO_IR_192("ISO_IR 192", "", Element.NONE, "UTF-8"),
    GB18030("GB18030", "", Element.NONE, "GB18030"),
    GBK("GBK", "", Element.NONE, "GBK");

    /** The ISO 2022 code element a term designates (PS3.5 6.1.2.5). */
    public enum Element {
        G0, G1, NONE
    }

    private final String term;
    private final String extensionTerm;
    private final Element element;
    private final String charsetName;
    private final byte[] escape;

    CharacterSetTerm(String term, String extensionTerm, Element element, String charsetName, int... escape) {
        this.term = term;
        this.extensionTerm = extensionTerm;
        this.element = element;
        this.charsetName = charsetName;
        this.escape = new byte[escape.length];
        for (int i = 0; i < escape.length; i++) {
            this.escape[i] = (byte) escape[i];
        }
    }

    /** The term for a value of (0008,0005), or {@code null} if unknown. Empty means ISO_IR 6. */
    public static CharacterSetTerm of(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return ISO_IR_6;
        }
        for (CharacterSetTerm t : values()) {
            if (v.equals(t.term) || v.equals(t.extensionTerm)) {
                return t;
            }
        }
        return null;
    }

    /** Whether the value names the ISO 2022 variant ("ISO 2022 IR nnn"). */
    public static boolean isExtension(String value) {
        return value.trim().startsWith("ISO 2022");
    }

    public Element element() {
        return element;
    }

    /** Bytes per character in its code element (2 for the Japanese, Korean, Chinese sets). */
    public int bytesPerChar() {
        return this == ISO_IR_87 || this == ISO_IR_159 || this == ISO_IR_149 || this == ISO_IR_58 ? 2 : 1;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    /** The escape sequence designating this set (PS3.3 Tables C.12-3, C.12-4). */
    public byte[] escape() {
        return escape.clone();
    }

    /** Whether {@code b} at {@code off} starts with this term's escape sequence. */
    boolean matchesEscape(byte[] b, int off) {
        return escape.length > 0 && off + escape.length <= b.length
                && Arrays.equals(b, off, off + escape.length, escape, 0, escape.length);
    }

    int escapeLength() {
        return escape.length;
    }
}
