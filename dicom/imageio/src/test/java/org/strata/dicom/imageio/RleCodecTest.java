package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.imageio.rle.RleCodec;

/** RLE Lossless (PS3.5 Annex G) against DCMTK dcmcrle/dcmdrle. */
class RleCodecTest {

    private final RleCodec codec = new RleCodec();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"MR_small_RLE.dcm", "SC_rgb_rle.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm",
        "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit.dcm", "SC_rgb_rle_32bit_2frame.dcm", "rtdose_rle.dcm",
        "rtdose_rle_1frame.dcm"})
    void decodesPydicomTestFilesLikeDcmdrle(String file) throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve(file);
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        assertEquals(TransferSyntaxes.RLE_LOSSLESS, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "dcmdrle"), tmp);
        ImageDescriptor d = compressed.descriptor().withPlanarConfiguration(0);
        for (int i = 0; i < compressed.frames(); i++) {
            byte[] ours = codec.decode(compressed.encodedFrames().get(i), d);
            DicomPeers.assertSameSamples(reference.nativeFrame(i), ours, d, file + " frame " + i);
        }
    }

    static Stream<ImageDescriptor> descriptors() {
        return Stream.of(
                ImageDescriptor.monochrome(37, 53, 8, 8, false),
                ImageDescriptor.monochrome(64, 300, 16, 12, false),
                ImageDescriptor.monochrome(40, 41, 16, 16, true),
                ImageDescriptor.monochrome(17, 29, 32, 32, true),
                ImageDescriptor.rgb(33, 47, 8, 8),
                ImageDescriptor.rgb(20, 31, 16, 16),
                new ImageDescriptor(21, 19, 3, 8, 8, false, "RGB", 1));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void decodesWhatDcmcrleEncodes(ImageDescriptor d) throws IOException {
        List<byte[]> frames = List.of(TestImages.frame(d, 1), TestImages.frame(d, 2));
        Path rle = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "dcmcrle");
        DicomPeers.Extracted compressed = DicomPeers.extract(rle, tmp);
        assertEquals(2, compressed.frames());
        ImageDescriptor interleaved = d.withPlanarConfiguration(0);
        for (int i = 0; i < frames.size(); i++) {
            byte[] ours = codec.decode(compressed.encodedFrames().get(i), interleaved);
            DicomPeers.assertSameSamples(toInterleaved(frames.get(i), d), ours, interleaved, d + " frame " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void dcmdrleDecodesWhatWeEncode(ImageDescriptor d) throws IOException {
        List<byte[]> frames = List.of(TestImages.frame(d, 3), TestImages.frame(d, 4));
        List<byte[]> encoded = new ArrayList<>();
        for (byte[] f : frames) {
            byte[] e = codec.encode(f, d);
            assertArrayEquals(f, codec.decode(e, d), "own round trip");
            encoded.add(e);
        }
        Path dcm = DicomPeers.writeEncapsulated(d, TransferSyntaxes.RLE_LOSSLESS, encoded, tmp);
        DicomPeers.Extracted decoded = DicomPeers.extract(DicomPeers.convert(dcm, tmp, "dcmdrle"), tmp);
        ImageDescriptor interleaved = d.withPlanarConfiguration(0);
        for (int i = 0; i < frames.size(); i++) {
            DicomPeers.assertSameSamples(toInterleaved(frames.get(i), d), decoded.nativeFrame(i), interleaved,
                    d + " frame " + i);
        }
    }

    @Test
    void packBitsCoversLongRunsAndLiteralsAtRowBoundaries() {
        ImageDescriptor d = ImageDescriptor.monochrome(3, 300, 8, 8, false);
        byte[] f = new byte[d.frameLength()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (byte) (i < 300 ? 7 : i < 600 ? i * 31 : (i / 2));
        }
        byte[] e = codec.encode(f, d);
        assertArrayEquals(f, codec.decode(e, d));
        assertFalse(e.length > f.length + 64 + 3 * 3 + 2, "literal overhead bounded");
    }

    static byte[] toInterleaved(byte[] frame, ImageDescriptor d) {
        if (!d.colourByPlane()) {
            return frame;
        }
        return FrameSamples.fromComponents(FrameSamples.toComponents(frame, d), d.withPlanarConfiguration(0));
    }
}
