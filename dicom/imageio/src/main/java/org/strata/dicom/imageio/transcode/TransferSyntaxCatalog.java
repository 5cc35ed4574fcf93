package org.strata.dicom.imageio.transcode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * What the transcoder knows about transfer syntaxes (PS3.5 Section 10, PS3.6 Table A-1): keywords,
 * which are lossy, which are video (PS3.5 8.2.5-8.2.8) and the Lossy Image Compression Method
 * (PS3.3 C.7.6.1.1.5.1) of each lossy one.
 */
public final class TransferSyntaxCatalog {

    public static final String IMPLICIT_VR_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LE = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BE = "1.2.840.10008.1.2.2";

    private static final Map<String, String> BY_KEYWORD = new LinkedHashMap<>();

    static {
        BY_KEYWORD.put("ImplicitVRLittleEndian", IMPLICIT_VR_LE);
        BY_KEYWORD.put("ExplicitVRLittleEndian", EXPLICIT_VR_LE);
        BY_KEYWORD.put("DeflatedExplicitVRLittleEndian", DEFLATED_EXPLICIT_VR_LE);
        BY_KEYWORD.put("ExplicitVRBigEndian", EXPLICIT_VR_BE);
        BY_KEYWORD.put("RLELossless", TransferSyntaxes.RLE_LOSSLESS);
        BY_KEYWORD.put("JPEGBaseline8Bit", TransferSyntaxes.JPEG_BASELINE_8BIT);
        BY_KEYWORD.put("JPEGExtended12Bit", TransferSyntaxes.JPEG_EXTENDED_12BIT);
        BY_KEYWORD.put("JPEGLossless", TransferSyntaxes.JPEG_LOSSLESS);
        BY_KEYWORD.put("JPEGLosslessSV1", TransferSyntaxes.JPEG_LOSSLESS_SV1);
        BY_KEYWORD.put("JPEGLSLossless", TransferSyntaxes.JPEG_LS_LOSSLESS);
        BY_KEYWORD.put("JPEGLSNearLossless", TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS);
        BY_KEYWORD.put("JPEG2000Lossless", TransferSyntaxes.JPEG_2000_LOSSLESS);
        BY_KEYWORD.put("JPEG2000", TransferSyntaxes.JPEG_2000);
    }

    private static final Set<String> LOSSY = Set.of(TransferSyntaxes.JPEG_BASELINE_8BIT,
            TransferSyntaxes.JPEG_EXTENDED_12BIT, TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS, TransferSyntaxes.JPEG_2000);

    private TransferSyntaxCatalog() {
    }

    /** A UID given as UID or keyword (case-insensitive, e.g. {@code JPEGLSLossless}). */
    public static Optional<String> resolve(String uidOrKeyword) {
        String s = uidOrKeyword.trim();
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            return Optional.of(s);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return BY_KEYWORD.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The keywords {@link #resolve} knows. */
    public static Set<String> keywords() {
        return BY_KEYWORD.keySet();
    }

    /** Native (uncompressed) encodings: PS3.5 A.1-A.3, A.5. */
    public static boolean isNative(String uid) {
        return uid.equals(IMPLICIT_VR_LE) || uid.equals(EXPLICIT_VR_LE) || uid.equals(DEFLATED_EXPLICIT_VR_LE)
                || uid.equals(EXPLICIT_VR_BE);
    }

    /** Syntaxes whose encoding may lose information (JPEG 2000 .91 counts: it allows irreversible coding). */
    public static boolean isLossy(String uid) {
        return LOSSY.contains(uid);
    }

    /** MPEG2, MPEG-4 AVC/H.264 and HEVC/H.265 (1.2.840.10008.1.2.4.100-.108): pass-through only. */
    public static boolean isVideo(String uid) {
        if (!uid.startsWith("1.2.840.10008.1.2.4.")) {
            return false;
        }
        String last = uid.substring("1.2.840.10008.1.2.4.".length());
        return last.matches("10[0-8]");
    }

    /** The Lossy Image Compression Method (PS3.3 C.7.6.1.1.5.1) of a lossy syntax. */
    public static String lossyMethod(String uid) {
        return switch (uid) {
            case TransferSyntaxes.JPEG_BASELINE_8BIT, TransferSyntaxes.JPEG_EXTENDED_12BIT -> "ISO_10918_1";
            case TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS -> "ISO_14495_1";
            case TransferSyntaxes.JPEG_2000 -> "ISO_15444_1";
            default -> throw new IllegalArgumentException("not a lossy syntax: " + uid);
        };
    }
}
