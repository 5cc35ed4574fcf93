package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.dicom.imageio.jpeg2000.Jpeg2000Codec;

/** JPEG 2000 through jai-imageio, compared with GDCM (gdcmconv --raw, OpenJPEG inside). */
class Jpeg2000CodecTest {

    private final Jpeg2000Codec codec = new Jpeg2000Codec();

    @TempDir
    Path tmp;

    /**
     * Lossless streams must decode exactly; lossy (9/7) ones within 1 of OpenJPEG's rounding. Not
     * listed: GDCMJ2K_TextGBR.dcm, which jai-imageio decodes wrongly (see Jpeg2000Codec), and
     * JPEG2000-embedded-sequence-delimiter.dcm, which GDCM cannot parse.
     */
    @ParameterizedTest
    @CsvSource({"MR_small_jp2klossless.dcm,0", "J2K_pixelrep_mismatch.dcm,0", "693_J2KI.dcm,1", "JPEG2000.dcm,1",
        "SC_rgb_gdcm_KY.dcm,1"})
    void decodesPydicomFilesLikeGdcm(String file, int tolerance) throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve(file);
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "gdcmconv", "--raw"), tmp);
        ImageDescriptor d = compressed.descriptor();
        ImageDescriptor out = codec.decodedDescriptor(d);
        assertEquals(reference.descriptor().photometricInterpretation(), out.photometricInterpretation());
        for (int i = 0; i < compressed.frames(); i++) {
            byte[] ours = codec.decode(compressed.encodedFrames().get(i), d);
            DicomPeers.assertWithin(reference.nativeFrame(i), ours, out, tolerance, file + " frame " + i);
        }
    }

    static Stream<ImageDescriptor> descriptors() {
        return Stream.of(
                ImageDescriptor.monochrome(37, 45, 8, 8, false),
                ImageDescriptor.monochrome(40, 52, 16, 12, false),
                ImageDescriptor.monochrome(33, 41, 16, 16, false),
                ImageDescriptor.monochrome(29, 31, 16, 10, false),
                ImageDescriptor.rgb(30, 35, 8, 8));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void gdcmDecodesWhatWeEncode(ImageDescriptor d) throws IOException {
        List<byte[]> frames = List.of(TestImages.frame(d, 81), TestImages.frame(d, 82));
        List<byte[]> encoded = new ArrayList<>();
        for (byte[] f : frames) {
            byte[] e = codec.encode(f, d);
            DicomPeers.assertSameSamples(f, codec.decode(e, d), d, "own round trip");
            encoded.add(e);
        }
        Path dcm = DicomPeers.writeEncapsulated(d, TransferSyntaxes.JPEG_2000_LOSSLESS, encoded, tmp);
        DicomPeers.Extracted gdcm = DicomPeers.extract(DicomPeers.convert(dcm, tmp, "gdcmconv", "--raw"), tmp);
        for (int i = 0; i < frames.size(); i++) {
            DicomPeers.assertSameSamples(frames.get(i), gdcm.nativeFrame(i), d, d + " frame " + i + ": gdcm vs original");
        }
    }
}
