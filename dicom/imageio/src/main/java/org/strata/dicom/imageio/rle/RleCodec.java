package org.strata.dicom.imageio.rle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelDataException;

/**
 * RLE Lossless, transfer syntax 1.2.840.10008.1.2.5 (PS3.5 Annex G).
 *
 * <p>A frame is a 64-byte header (number of segments and 15 segment offsets, G.5) followed by one
 * PackBits segment per byte plane: for each sample in order, its bytes from most to least
 * significant (G.2, "Byte Segments"). Each segment is padded to even length.
 */
public final class RleCodec implements PixelCodec {

    private static final int HEADER_LENGTH = 64;
    private static final int MAX_SEGMENTS = 15;

    @Override
    public String name() {
        return "RLE";
    }

    @Override
    public boolean canEncode(ImageDescriptor d) {
        return d.samplesPerPixel() * d.bytesPerSample() <= MAX_SEGMENTS;
    }

    @Override
    public byte[] decode(byte[] encoded, ImageDescriptor d) {
        int bps = d.bytesPerSample();
        int spp = d.samplesPerPixel();
        int segments = bps * spp;
        if (encoded.length < HEADER_LENGTH) {
            throw new PixelDataException("RLE frame shorter than its 64-byte header: " + encoded.length);
        }
        ByteBuffer header = ByteBuffer.wrap(encoded, 0, HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        int count = header.getInt();
        if (count != segments) {
            throw new PixelDataException("RLE header has " + count + " segments, expected " + segments
                    + " for " + spp + " samples of " + d.bitsAllocated() + " bits");
        }
        int[] offsets = new int[count + 1];
        for (int s = 0; s < count; s++) {
            offsets[s] = header.getInt();
            if (offsets[s] < HEADER_LENGTH || offsets[s] > encoded.length || (s > 0 && offsets[s] < offsets[s - 1])) {
                throw new PixelDataException("RLE segment " + (s + 1) + " has bad offset " + offsets[s]);
            }
        }
        offsets[count] = encoded.length;
        int pixels = d.pixelsPerFrame();
        byte[] plane = new byte[pixels];
        byte[] frame = new byte[d.frameLength()];
        for (int s = 0; s < count; s++) {
            int sample = s / bps;
            int byteInSample = bps - 1 - s % bps;   // segments run MSB first; the frame is little endian
            Arrays.fill(plane, (byte) 0);
            PackBits.decode(encoded, offsets[s], offsets[s + 1], plane);
            scatter(plane, frame, d, sample, byteInSample);
        }
        return frame;
    }

    private static void scatter(byte[] plane, byte[] frame, ImageDescriptor d, int sample, int byteInSample) {
        int bps = d.bytesPerSample();
        int pixels = plane.length;
        if (d.colourByPlane()) {
            int base = sample * pixels * bps + byteInSample;
            for (int i = 0; i < pixels; i++) {
                frame[base + i * bps] = plane[i];
            }
        } else {
            int stride = d.samplesPerPixel() * bps;
            int base = sample * bps + byteInSample;
            for (int i = 0; i < pixels; i++) {
                frame[base + i * stride] = plane[i];
            }
        }
    }

    @Override
    public byte[] encode(byte[] frame, ImageDescriptor d) {
        if (!canEncode(d)) {
            throw new UnsupportedOperationException("RLE allows at most 15 segments");
        }
        if (frame.length < d.frameLength()) {
            throw new IllegalArgumentException("frame has " + frame.length + " bytes, expected " + d.frameLength());
        }
        int bps = d.bytesPerSample();
        int segments = bps * d.samplesPerPixel();
        int pixels = d.pixelsPerFrame();
        int columns = d.columns();
        byte[] plane = new byte[pixels];
        ByteArrayOutputStream body = new ByteArrayOutputStream(frame.length / 2 + 64);
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(segments);
        for (int s = 0; s < segments; s++) {
            header.putInt(HEADER_LENGTH + body.size());
            gather(frame, plane, d, s / bps, bps - 1 - s % bps);
            for (int r = 0; r < d.rows(); r++) {
                PackBits.encodeRow(plane, r * columns, columns, body);
            }
            if ((body.size() & 1) != 0) {
                body.write(0);                   // G.5: each segment has even length
            }
        }
        byte[] out = new byte[HEADER_LENGTH + body.size()];
        System.arraycopy(header.array(), 0, out, 0, HEADER_LENGTH);
        byte[] bodyBytes = body.toByteArray();
        System.arraycopy(bodyBytes, 0, out, HEADER_LENGTH, bodyBytes.length);
        return out;
    }

    private static void gather(byte[] frame, byte[] plane, ImageDescriptor d, int sample, int byteInSample) {
        int bps = d.bytesPerSample();
        int pixels = plane.length;
        if (d.colourByPlane()) {
            int base = sample * pixels * bps + byteInSample;
            for (int i = 0; i < pixels; i++) {
                plane[i] = frame[base + i * bps];
            }
        } else {
            int stride = d.samplesPerPixel() * bps;
            int base = sample * bps + byteInSample;
            for (int i = 0; i < pixels; i++) {
                plane[i] = frame[base + i * stride];
            }
        }
    }
}
