package org.strata.dicom.imageio;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One compression family of PS3.5 Section 8 / Annex A.4, working frame by frame.
 *
 * <p>Decoded frames are in the native DICOM layout: little endian, {@code bitsAllocated} per sample,
 * colour-by-pixel or colour-by-plane as the descriptor's Planar Configuration says, signed samples
 * sign-extended to Bits Allocated. The encoded frame is the concatenation of the frame's fragments
 * (PS3.5 A.4); callers pad it to even length when they put it into an Item.
 *
 * <pre>{@code
 * PixelCodec codec = PixelCodecs.defaults().forTransferSyntax(TransferSyntaxes.JPEG_LS_LOSSLESS).orElseThrow();
 * ImageDescriptor d = ImageDescriptor.monochrome(512, 512, 16, 12, false);
 * byte[] encoded = codec.encode(nativeFrame, d);
 * byte[] back = codec.decode(encoded, d);          // equals nativeFrame
 * }</pre>
 */
public interface PixelCodec {

    /** A short name for logs, such as "RLE" or "JPEG-LS". */
    String name();

    /** Whether this codec can encode frames described by {@code d} (decoding is always attempted). */
    boolean canEncode(ImageDescriptor d);

    /**
     * Decodes one frame.
     *
     * @param encoded the frame's compressed bytes (all its fragments, concatenated)
     * @param d       the descriptor of the image as stored in the dataset
     * @return the frame laid out as described by {@link #decodedDescriptor(ImageDescriptor)}
     * @throws PixelDataException if the stream is corrupt or uses a feature this codec lacks
     */
    byte[] decode(byte[] encoded, ImageDescriptor d);

    /** Decodes one frame given as fragments (PS3.5 A.4: a frame may span several fragments). */
    default byte[] decode(List<byte[]> fragments, ImageDescriptor d) {
        if (fragments.size() == 1) {
            return decode(fragments.get(0), d);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fragments.forEach(out::writeBytes);
        return decode(out.toByteArray(), d);
    }

    /**
     * Encodes one native frame.
     *
     * @throws UnsupportedOperationException if {@link #canEncode(ImageDescriptor)} is false
     */
    byte[] encode(byte[] frame, ImageDescriptor d);

    /**
     * The descriptor of what {@link #decode} returns. Lossless codecs return {@code d}; the lossy
     * JPEG codec converts YBR_FULL/YBR_FULL_422 to RGB, as DCMTK's dcmdjpeg does.
     */
    default ImageDescriptor decodedDescriptor(ImageDescriptor d) {
        return d;
    }

    /** The descriptor to record in the dataset after {@link #encode}; usually {@code d}. */
    default ImageDescriptor encodedDescriptor(ImageDescriptor d) {
        return d;
    }
}
