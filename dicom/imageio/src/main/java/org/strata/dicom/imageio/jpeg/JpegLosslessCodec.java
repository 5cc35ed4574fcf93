package org.strata.dicom.imageio.jpeg;

import org.strata.dicom.imageio.FrameSamples;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;

/**
 * JPEG Lossless, Non-Hierarchical, Process 14 (1.2.840.10008.1.2.4.57) and its First-Order
 * Prediction subset, Selection Value 1 (1.2.840.10008.1.2.4.70): T.81 Annex H. Decodes 2 to 16 bit
 * precision, predictors 1 to 7, restart intervals and 1 to 4 components; encodes with a chosen
 * predictor (1 for the .70 syntax). Signed samples are coded as their Bits Stored bit pattern.
 */
public final class JpegLosslessCodec implements PixelCodec {

    private final int predictor;
    private final int restartRows;

    /**
     * @param predictor   selection value 1..7 used when encoding
     * @param restartRows restart interval in rows when encoding, 0 for none
     */
    public JpegLosslessCodec(int predictor, int restartRows) {
        if (predictor < 1 || predictor > 7) {
            throw new IllegalArgumentException("predictor must be 1..7: " + predictor);
        }
        if (restartRows < 0) {
            throw new IllegalArgumentException("restartRows must not be negative");
        }
        this.predictor = predictor;
        this.restartRows = restartRows;
    }

    /** Selection value 1 without restarts: the encoder for 1.2.840.10008.1.2.4.70. */
    public static JpegLosslessCodec sv1() {
        return new JpegLosslessCodec(1, 0);
    }

    @Override
    public String name() {
        return "JPEG Lossless SV" + predictor;
    }

    @Override
    public boolean canEncode(ImageDescriptor d) {
        return d.bitsAllocated() <= 16 && d.bitsStored() >= 2;
    }

    @Override
    public byte[] decode(byte[] encoded, ImageDescriptor d) {
        int sof = JpegHeaders.frame(encoded).sofMarker();
        if (sof == 0xC0 || sof == 0xC1) {
            return JpegBaselineCodec.extended(100).decode(encoded, d);   // mislabelled transfer syntax
        }
        LosslessDecoder decoder = new LosslessDecoder(encoded, d);
        int[][] planes = decoder.decode();
        int pt = decoder.pointTransform();
        if (pt > 0) {
            for (int[] plane : planes) {
                for (int i = 0; i < plane.length; i++) {
                    plane[i] <<= pt;
                }
            }
        }
        return FrameSamples.fromComponents(planes, d);
    }

    @Override
    public byte[] encode(byte[] frame, ImageDescriptor d) {
        if (!canEncode(d)) {
            throw new UnsupportedOperationException("JPEG lossless encodes 2 to 16 bits stored, not " + d);
        }
        int[][] planes = FrameSamples.toComponents(frame, d);
        return new LosslessEncoder(predictor, restartRows).encode(planes, d.rows(), d.columns(), d.bitsStored());
    }
}
