package org.strata.dicom.imageio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.strata.dicom.imageio.jpeg.JpegBaselineCodec;
import org.strata.dicom.imageio.jpeg.JpegLosslessCodec;
import org.strata.dicom.imageio.jpeg2000.Jpeg2000Codec;
import org.strata.dicom.imageio.jpegls.JpegLsCodec;
import org.strata.dicom.imageio.rle.RleCodec;

/** Registry from Transfer Syntax UID to the codec that decodes (and, where possible, encodes) it. */
public final class PixelCodecs {

    private final Map<String, PixelCodec> byTransferSyntax;

    private PixelCodecs(Map<String, PixelCodec> byTransferSyntax) {
        this.byTransferSyntax = Collections.unmodifiableMap(new LinkedHashMap<>(byTransferSyntax));
    }

    /** The codecs of this module with their default encoding parameters (JPEG-LS near-lossless: NEAR 2;
     * lossy JPEG: quality 90;
     * JPEG lossless: selection value 1 for both .57 and .70). */
    public static PixelCodecs defaults() {
        Map<String, PixelCodec> m = new LinkedHashMap<>();
        m.put(TransferSyntaxes.RLE_LOSSLESS, new RleCodec());
        m.put(TransferSyntaxes.JPEG_BASELINE_8BIT, JpegBaselineCodec.baseline(90));
        m.put(TransferSyntaxes.JPEG_EXTENDED_12BIT, JpegBaselineCodec.extended(90));
        m.put(TransferSyntaxes.JPEG_LOSSLESS, JpegLosslessCodec.sv1());
        m.put(TransferSyntaxes.JPEG_LOSSLESS_SV1, JpegLosslessCodec.sv1());
        m.put(TransferSyntaxes.JPEG_LS_LOSSLESS, JpegLsCodec.lossless());
        m.put(TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS, JpegLsCodec.nearLossless(2));
        m.put(TransferSyntaxes.JPEG_2000_LOSSLESS, new Jpeg2000Codec());
        m.put(TransferSyntaxes.JPEG_2000, new Jpeg2000Codec());
        return new PixelCodecs(m);
    }

    /** A copy of this registry with {@code codec} registered for {@code transferSyntaxUid}. */
    public PixelCodecs with(String transferSyntaxUid, PixelCodec codec) {
        Map<String, PixelCodec> m = new LinkedHashMap<>(byTransferSyntax);
        m.put(transferSyntaxUid, codec);
        return new PixelCodecs(m);
    }

    public Optional<PixelCodec> forTransferSyntax(String transferSyntaxUid) {
        return Optional.ofNullable(byTransferSyntax.get(transferSyntaxUid));
    }

    public Map<String, PixelCodec> all() {
        return byTransferSyntax;
    }
}
