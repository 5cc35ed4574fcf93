package org.strata.dicom.core.charset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;

import org.strata.dicom.core.VR;

/**
 * Decoding and encoding of text with ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences
 * designate character sets to G0 (bytes 21-7E) or G1 (bytes A1-FE); the sets of value 1 of
 * (0008,0005) are re-activated at line ends, other control characters, value delimiters and,
 * in PN, at the component separators {@code ^} and {@code =} (PS3.5 6.1.2.5.3).
 */
final class Iso2022 {

    private final List<CharacterSetTerm> terms;
    private final CharacterSetTerm initialG0;
    private final CharacterSetTerm initialG1;

    /** @param terms the declared terms; the first designates the initial G0/G1 (null entries: default) */
    Iso2022(List<CharacterSetTerm> terms) {
        this.terms = terms;
        CharacterSetTerm first = terms.get(0);
        // ISO 2022 IR 13 designates JIS X 0201 Romaji to G0 and Katakana to G1 (PS3.3 Table C.12-3)
        this.initialG0 = first == CharacterSetTerm.ISO_IR_13 ? CharacterSetTerm.JIS_X0201_ROMAJI
                : first.element() == CharacterSetTerm.Element.G0 ? first : CharacterSetTerm.ISO_IR_6;
        this.initialG1 = first.element() == CharacterSetTerm.Element.G1 ? first : null;
    }

    String decode(byte[] b, VR vr) {
        StringBuilder sb = new StringBuilder(b.length);
        CharacterSetTerm g0 = initialG0;
        CharacterSetTerm g1 = initialG1;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c == 0x1B) {
                CharacterSetTerm t = escapeAt(b, i);
                if (t != null) {
                    if (t.element() == CharacterSetTerm.Element.G0) {
                        g0 = t;
                    } else {
                        g1 = t;
                    }
                    i += t.escapeLength();
                    continue;
                }
                sb.append((char) c);
                i++;
            } else if (c < 0x80) {
                if (g0.bytesPerChar() == 2 && c > 0x20 && i + 1 < b.length) {
                    sb.append(decodeDoubleG0(g0, c, b[i + 1] & 0xFF));
                    i += 2;
                } else {
                    sb.append((char) c);
                    i++;
                    if (isDelimiter(c, vr)) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                }
            } else if (g1 == null) {
                sb.append((char) c); // undeclared high byte: ISO 8859-1, as other toolkits do
                i++;
            } else if (g1.bytesPerChar() == 2 && i + 1 < b.length) {
                sb.append(new String(b, i, 2, g1.charset()));
                i += 2;
            } else {
                sb.append(decodeSingleG1(g1, c));
                i++;
            }
        }
        return sb.toString();
    }

    private CharacterSetTerm escapeAt(byte[] b, int i) {
        for (CharacterSetTerm t : CharacterSetTerm.values()) {
            if (t.matchesEscape(b, i)) {
                return t;
            }
        }
        return null;
    }

    private static String decodeDoubleG0(CharacterSetTerm g0, int c1, int c2) {
        byte[] euc = g0 == CharacterSetTerm.ISO_IR_159
                ? new byte[] {(byte) 0x8F, (byte) (c1 | 0x80), (byte) (c2 | 0x80)}
                : new byte[] {(byte) (c1 | 0x80), (byte) (c2 | 0x80)};
        return new String(euc, g0.charset());
    }

    static String decodeSingleG1(CharacterSetTerm g1, int c) {
        if (g1 == CharacterSetTerm.ISO_IR_13) {
            return c >= 0xA1 && c <= 0xDF ? String.valueOf((char) (0xFF61 + c - 0xA1)) : String.valueOf((char) c);
        }
        return new String(new byte[] {(byte) c}, g1.charset());
    }

    /** PS3.5 6.1.2.5.3: where the value-1 character sets become active again. */
    static boolean isDelimiter(int c, VR vr) {
        return c < 0x20 || c == '\\' && vr.kind() == VR.Kind.STRING || vr == VR.PN && (c == '^' || c == '=');
    }

    byte[] encode(String s, VR vr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 2);
        CharacterSetTerm g0 = initialG0;
        CharacterSetTerm g1 = initialG1;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (cp < 0x80) {
                if (g0 != initialG0) {
                    out.writeBytes(initialG0.escape());
                    g0 = initialG0;
                }
                out.write(cp);
                if (isDelimiter(cp, vr)) {
                    g1 = initialG1;
                }
                continue;
            }
            byte[] encoded = g1 != null ? encodeChar(g1, ch) : null;
            if (encoded == null && g0.bytesPerChar() == 2) {
                encoded = encodeChar(g0, ch);
            }
            if (encoded == null) {
                for (CharacterSetTerm t : terms) {
                    encoded = encodeChar(t, ch);
                    if (encoded != null) {
                        out.writeBytes(t.escape());
                        if (t.element() == CharacterSetTerm.Element.G0) {
                            g0 = t;
                        } else {
                            g1 = t;
                        }
                        break;
                    }
                }
            }
            out.writeBytes(encoded != null ? encoded : new byte[] {'?'});
        }
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escape());
        }
        return out.toByteArray();
    }

    /** The bytes of one character in {@code t}'s code element, or {@code null}. */
    static byte[] encodeChar(CharacterSetTerm t, String ch) {
        int cp = ch.codePointAt(0);
        switch (t) {
            case ISO_IR_6, JIS_X0201_ROMAJI, ISO_IR_192, GB18030, GBK:
                return null;
            case ISO_IR_13:
                return cp >= 0xFF61 && cp <= 0xFF9F ? new byte[] {(byte) (0xA1 + cp - 0xFF61)} : null;
            default:
                break;
        }
        byte[] b = strictEncode(t, ch);
        if (b == null) {
            return null;
        }
        return switch (t) {
            case ISO_IR_87 -> b.length == 2 && (b[0] & 0xFF) >= 0xA1 ? new byte[] {(byte) (b[0] & 0x7F), (byte) (b[1] & 0x7F)} : null;
            case ISO_IR_159 -> b.length == 3 && (b[0] & 0xFF) == 0x8F ? new byte[] {(byte) (b[1] & 0x7F), (byte) (b[2] & 0x7F)} : null;
            case ISO_IR_149, ISO_IR_58 -> b.length == 2 && (b[0] & 0xFF) >= 0xA1 ? b : null;
            default -> b.length == 1 && (b[0] & 0xFF) >= 0xA0 ? b : null;
        };
    }

    private static byte[] strictEncode(CharacterSetTerm t, String ch) {
        CharsetEncoder encoder = t.charset().newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(ch));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
