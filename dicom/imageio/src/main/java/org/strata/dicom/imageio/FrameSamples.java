package org.strata.dicom.imageio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Converts between a native frame (little endian, PS3.5 Section 8.1.1 / 8.2) and one int array per
 * component holding the stored bits as unsigned values, which is how the JPEG family codes samples
 * (signed data is coded as its Bits Stored two's complement bit pattern).
 */
public final class FrameSamples {

    private static final VarHandle SHORT_LE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private FrameSamples() {
    }

    /** Reads all samples of a frame of 8 or 16 bits allocated: result[component][row * columns + column]. */
    public static int[][] toComponents(byte[] frame, ImageDescriptor d) {
        checkLength(frame, d);
        int n = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int bps = d.bytesPerSample();
        int mask = d.bitsStored() >= 32 ? -1 : (1 << d.bitsStored()) - 1;
        int[][] comps = new int[spp][n];
        for (int c = 0; c < spp; c++) {
            int[] dst = comps[c];
            for (int i = 0; i < n; i++) {
                int sampleIndex = d.colourByPlane() ? c * n + i : i * spp + c;
                int off = sampleIndex * bps;
                int v = frame[off] & 0xFF;
                if (bps >= 2) {
                    v |= (frame[off + 1] & 0xFF) << 8;
                }
                if (bps == 4) {
                    v |= (frame[off + 2] & 0xFF) << 16 | (frame[off + 3] & 0xFF) << 24;
                }
                dst[i] = v & mask;
            }
        }
        return comps;
    }

    /** Writes component arrays of stored bits into a native frame, sign-extending signed samples. */
    public static byte[] fromComponents(int[][] comps, ImageDescriptor d) {
        int n = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int bps = d.bytesPerSample();
        int bits = d.bitsStored();
        int shift = 32 - bits;
        byte[] frame = new byte[d.frameLength()];
        if (spp == 1 && bps == 2) {
            grey16(comps[0], n, bits, d.signed(), frame);
            return frame;
        }
        for (int c = 0; c < spp; c++) {
            int[] src = comps[c];
            for (int i = 0; i < n; i++) {
                int v = src[i];
                v = d.signed() ? (v << shift) >> shift : (shift == 0 ? v : v & ((1 << bits) - 1));
                int sampleIndex = d.colourByPlane() ? c * n + i : i * spp + c;
                int off = sampleIndex * bps;
                frame[off] = (byte) v;
                if (bps >= 2) {
                    frame[off + 1] = (byte) (v >> 8);
                }
                if (bps == 4) {
                    frame[off + 2] = (byte) (v >> 16);
                    frame[off + 3] = (byte) (v >> 24);
                }
            }
        }
        return frame;
    }

    /** {@link #fromComponents} for the common single 16-bit component, without per-sample layout tests. */
    private static void grey16(int[] src, int n, int bits, boolean signed, byte[] frame) {
        int shift = 32 - bits;
        if (signed) {
            for (int i = 0; i < n; i++) {
                SHORT_LE.set(frame, 2 * i, (short) ((src[i] << shift) >> shift));
            }
        } else {
            int mask = shift == 0 ? -1 : (1 << bits) - 1;
            for (int i = 0; i < n; i++) {
                SHORT_LE.set(frame, 2 * i, (short) (src[i] & mask));
            }
        }
    }

    private static void checkLength(byte[] frame, ImageDescriptor d) {
        if (frame.length < d.frameLength()) {
            throw new IllegalArgumentException("frame has " + frame.length + " bytes, expected " + d.frameLength());
        }
    }
}
