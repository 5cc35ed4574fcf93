package org.strata.dicom.imageio.transcode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Encodes native frames one at a time into encapsulated Pixel Data (PS3.5 A.4): one fragment per
 * frame, a Basic Offset Table with each frame's offset (empty if an offset exceeds 32 bits), and,
 * after a lossy encoding, Lossy Image Compression, Ratio and Method (PS3.3 C.7.6.1.1.5). The
 * encoded frames are kept until the last one, because the ratio precedes Pixel Data.
 */
final class EncapsulatedFrameWriter {

    private final TranscodeOutput output;
    private final PixelCodec encoder;
    private final String ts;

    EncapsulatedFrameWriter(TranscodeOutput output, PixelCodec encoder, String ts) {
        this.output = output;
        this.encoder = encoder;
        this.ts = ts;
    }

    void write(Attributes ds, ImageDescriptor layout, FrameReader frames, int count) throws IOException {
        if (layout.photometricInterpretation().endsWith("_422")) {
            throw new TranscodeException("cannot compress native " + layout.photometricInterpretation()
                    + " (subsampled) Pixel Data");
        }
        // PS3.5 8.2: colour compressed by our codecs is colour-by-pixel
        ImageDescriptor input = layout.withPlanarConfiguration(0);
        if (!encoder.canEncode(input)) {
            throw new TranscodeException(encoder.name() + " cannot encode " + input.samplesPerPixel() + " x "
                    + input.bitsStored() + "/" + input.bitsAllocated() + " bit "
                    + (input.signed() ? "signed " : "") + input.photometricInterpretation() + " into " + ts);
        }
        List<byte[]> encoded = new ArrayList<>(count);
        long encodedBytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] frame = toColourByPixel(frames.next(), layout);
            try {
                byte[] e = encoder.encode(frame, input);
                encoded.add(e);
                encodedBytes += e.length;
            } catch (RuntimeException e) {
                throw new TranscodeException(encoder.name() + " cannot encode: " + e.getMessage(), i, e);
            }
        }
        PixelModule.record(ds, encoder.encodedDescriptor(input));
        if (lossy()) {
            recordLossy(ds, (double) input.frameLength() * count / Math.max(1, encodedBytes));
        }
        output.dataset(ds);
        OutputStream out = output.stream();
        PixelElementIO.writeHeader(out, output.syntax(), VR.OB, PixelElementIO.UNDEFINED);
        PixelElementIO.writeItem(out, offsetTable(encoded));
        for (byte[] e : encoded) {
            PixelElementIO.writeItem(out, e);
        }
        PixelElementIO.writeSequenceDelimitation(out);
    }

    /** Lossy encodings; our JPEG 2000 encoder is reversible (5/3), so .91 from it is not lossy. */
    private boolean lossy() {
        return TransferSyntaxCatalog.isLossy(ts) && !ts.equals(TransferSyntaxes.JPEG_2000);
    }

    /** PS3.3 C.7.6.1.1.5: once lossy, always 01; each lossy step appends its ratio and method. */
    private void recordLossy(Attributes ds, double ratio) {
        ds.setString(Tag.LossyImageCompression, VR.CS, "01");
        ds.setString(Tag.LossyImageCompressionRatio, VR.DS,
                append(ds.getStrings(Tag.LossyImageCompressionRatio), String.format(Locale.ROOT, "%.2f", ratio)));
        ds.setString(Tag.LossyImageCompressionMethod, VR.CS,
                append(ds.getStrings(Tag.LossyImageCompressionMethod), TransferSyntaxCatalog.lossyMethod(ts)));
    }

    private static String[] append(String[] old, String value) {
        String[] base = old == null ? new String[0] : old;
        String[] r = Arrays.copyOf(base, base.length + 1);
        r[base.length] = value;
        return r;
    }

    private static byte[] offsetTable(List<byte[]> encoded) {
        ByteBuffer b = ByteBuffer.allocate(4 * encoded.size()).order(ByteOrder.LITTLE_ENDIAN);
        long offset = 0;
        for (byte[] e : encoded) {
            if (offset > 0xFFFFFFFFL) {
                return new byte[0]; // PS3.5 A.4: an empty Basic Offset Table is allowed
            }
            b.putInt((int) offset);
            offset += 8 + e.length + (e.length & 1);
        }
        return b.array();
    }

    /** Reorders a colour-by-plane frame to colour-by-pixel (PS3.3 C.7.6.3.1.3). */
    static byte[] toColourByPixel(byte[] frame, ImageDescriptor d) {
        if (!d.colourByPlane()) {
            return frame;
        }
        int n = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int bps = d.bytesPerSample();
        byte[] r = new byte[d.frameLength()];
        for (int c = 0; c < spp; c++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(frame, (c * n + i) * bps, r, (i * spp + c) * bps, bps);
            }
        }
        return r;
    }
}
