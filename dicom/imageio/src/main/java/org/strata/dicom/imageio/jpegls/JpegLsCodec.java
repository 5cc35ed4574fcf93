package org.strata.dicom.imageio.jpegls;

import java.io.ByteArrayOutputStream;

import org.strata.dicom.imageio.FrameSamples;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;

/**
 * JPEG-LS lossless (1.2.840.10008.1.2.4.80) and near-lossless (1.2.840.10008.1.2.4.81), ITU-T T.87 /
 * ISO/IEC 14495-1, 2 to 16 bits per sample, 1 to 4 components, interleave modes none, line and
 * sample. Signed samples are coded as their Bits Stored bit pattern, as DCMTK does.
 */
public final class JpegLsCodec implements PixelCodec {

    private final int near;
    private final JpegLsInterleave interleave;

    /** An encoder for the given NEAR (0 = lossless) and colour interleave mode. */
    public JpegLsCodec(int near, JpegLsInterleave interleave) {
        if (near < 0 || near > 255) {
            throw new IllegalArgumentException("NEAR must be 0..255: " + near);
        }
        this.near = near;
        this.interleave = interleave;
    }

    public static JpegLsCodec lossless() {
        return new JpegLsCodec(0, JpegLsInterleave.LINE);
    }

    public static JpegLsCodec nearLossless(int near) {
        return new JpegLsCodec(near, JpegLsInterleave.LINE);
    }

    @Override
    public String name() {
        return near == 0 ? "JPEG-LS" : "JPEG-LS near-lossless (NEAR=" + near + ")";
    }

    /**
     * 2 to 16 bits stored. Near-lossless refuses signed pixels, as DCMTK does: the error bound holds
     * for the coded bit pattern, and neighbouring patterns 0x7FFF and 0x8000 are far apart as values.
     */
    @Override
    public boolean canEncode(ImageDescriptor d) {
        return d.bitsAllocated() <= 16 && d.bitsStored() >= 2 && !(near > 0 && d.signed());
    }

    @Override
    public byte[] decode(byte[] encoded, ImageDescriptor d) {
        int[][] planes = new JlsStreamReader(encoded, d).decode();
        return FrameSamples.fromComponents(planes, d);
    }

    @Override
    public byte[] encode(byte[] frame, ImageDescriptor d) {
        if (!canEncode(d)) {
            throw new UnsupportedOperationException(name() + " cannot encode " + d);
        }
        int[][] planes = FrameSamples.toComponents(frame, d);
        int precision = d.bitsStored();
        JlsParameters p = JlsParameters.of(precision, near, 0, 0, 0, 0, 0);
        int nc = planes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length / 2 + 64);
        JlsMarkers.writeSoi(out);
        JlsMarkers.writeSof55(out, precision, d.rows(), d.columns(), nc);
        JlsMarkers.writeLse(out, p);
        int ilv = nc == 1 ? 0 : interleave.ilv();
        if (ilv == 0) {
            for (int c = 0; c < nc; c++) {
                JlsMarkers.writeSos(out, new int[] {c + 1}, near, 0);
                JlsBitWriter bits = new JlsBitWriter(out);
                JlsScanCoder.encoder(p, d.columns(), d.rows(), bits).code(new int[][] {planes[c]}, 0);
                bits.flush();
            }
        } else {
            int[] ids = new int[nc];
            for (int c = 0; c < nc; c++) {
                ids[c] = c + 1;
            }
            JlsMarkers.writeSos(out, ids, near, ilv);
            JlsBitWriter bits = new JlsBitWriter(out);
            JlsScanCoder.encoder(p, d.columns(), d.rows(), bits).code(planes, ilv);
            bits.flush();
        }
        JlsMarkers.writeEoi(out);
        return out.toByteArray();
    }
}
