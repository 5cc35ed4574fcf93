package org.strata.dicom.imageio.transcode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.strata.dicom.imageio.PixelCodecs;
import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Picks the transfer syntax to send a stored instance in, given the syntaxes a destination accepted
 * for its presentation context (PS3.7 D.3.3.3, PS3.4 C.4.2.3.1 for C-MOVE/C-GET sub-operations):
 * the stored syntax if accepted (no transcoding), else the first accepted lossless syntax in
 * {@link #LOSSLESS_PREFERENCE} (Explicit VR Little Endian first), else - only when lossy is
 * allowed - a lossy one. Video is never transcoded.
 */
public final class TransferSyntaxChooser {

    /** Lossless targets, best first: native ones need no decoder at the destination. */
    public static final List<String> LOSSLESS_PREFERENCE = List.of(TransferSyntaxCatalog.EXPLICIT_VR_LE,
            TransferSyntaxCatalog.IMPLICIT_VR_LE, TransferSyntaxCatalog.DEFLATED_EXPLICIT_VR_LE,
            TransferSyntaxCatalog.EXPLICIT_VR_BE, TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_2000_LOSSLESS,
            TransferSyntaxes.JPEG_LOSSLESS_SV1, TransferSyntaxes.JPEG_LOSSLESS, TransferSyntaxes.RLE_LOSSLESS);

    /** Lossy targets, best first (used only when allowed). */
    public static final List<String> LOSSY_PREFERENCE = List.of(TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS,
            TransferSyntaxes.JPEG_2000, TransferSyntaxes.JPEG_EXTENDED_12BIT, TransferSyntaxes.JPEG_BASELINE_8BIT);

    private TransferSyntaxChooser() {
    }

    /** With the default codecs. */
    public static Optional<String> choose(String stored, Collection<String> accepted, boolean allowLossy) {
        return choose(stored, accepted, allowLossy, PixelCodecs.defaults());
    }

    /**
     * @return the syntax to send in, or empty if none of {@code accepted} can be produced
     *         (then the sub-operation fails, PS3.4 C.4.2.1.4.2)
     */
    public static Optional<String> choose(String stored, Collection<String> accepted, boolean allowLossy,
            PixelCodecs codecs) {
        if (accepted.contains(stored)) {
            return Optional.of(stored);
        }
        if (TransferSyntaxCatalog.isVideo(stored)
                || !TransferSyntaxCatalog.isNative(stored) && codecs.forTransferSyntax(stored).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> lossless = LOSSLESS_PREFERENCE.stream().filter(accepted::contains)
                .filter(ts -> TransferSyntaxCatalog.isNative(ts) || codecs.forTransferSyntax(ts).isPresent())
                .findFirst();
        if (lossless.isPresent() || !allowLossy) {
            return lossless;
        }
        return LOSSY_PREFERENCE.stream().filter(accepted::contains)
                .filter(ts -> codecs.forTransferSyntax(ts).isPresent()).findFirst();
    }
}
