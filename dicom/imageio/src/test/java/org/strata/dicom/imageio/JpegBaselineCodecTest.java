package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.imageio.jpeg.JpegBaselineCodec;

/** 8-bit lossy JPEG (T.81 processes 1/2) through TwelveMonkeys, compared with DCMTK dcmdjpeg. */
class JpegBaselineCodecTest {

    /**
     * Largest difference to the reference decode: none. TwelveMonkeys (via the JDK's IJG-based reader)
     * and dcmdjpeg/GDCM (IJG) share the integer IDCT and fancy upsampling, and our YCbCr to RGB
     * conversion uses IJG's fixed-point rounding; measured exact on every file here.
     */
    static final int TOLERANCE = 0;

    private final JpegBaselineCodec codec = JpegBaselineCodec.extended(90);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"SC_jpeg_no_color_transform.dcm", "SC_jpeg_no_color_transform_2.dcm",
        "SC_rgb_dcmtk_+eb+cr.dcm", "SC_rgb_dcmtk_+eb+cy+n1.dcm", "SC_rgb_dcmtk_+eb+cy+n2.dcm",
        "SC_rgb_dcmtk_+eb+cy+np.dcm", "SC_rgb_dcmtk_+eb+cy+s2.dcm", "SC_rgb_dcmtk_+eb+cy+s4.dcm",
        "SC_rgb_jpeg_app14_dcmd.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_jpeg_lossy_gdcm.dcm",
        "SC_rgb_small_odd_jpeg.dcm"})
    void decodesPydicomFilesLikeDcmdjpeg(String file) throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve(file);
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        assertEquals(TransferSyntaxes.JPEG_BASELINE_8BIT, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "dcmdjpeg"), tmp);
        ImageDescriptor d = compressed.descriptor();
        ImageDescriptor out = codec.decodedDescriptor(d);
        assertEquals(reference.descriptor().photometricInterpretation(), out.photometricInterpretation());
        byte[] ours = codec.decode(compressed.encodedFrames().get(0), d);
        DicomPeers.assertWithin(reference.nativeFrame(0), ours, out, TOLERANCE, file);
    }

    /** DCMTK cannot parse this file (implicit VR under an explicit VR transfer syntax): GDCM decodes it. */
    @Test
    void decodesMalformedPydicomFileLikeGdcm() throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve("SC_rgb_jpeg.dcm");
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "gdcmconv", "--raw"), tmp);
        ImageDescriptor d = compressed.descriptor();
        byte[] ours = codec.decode(compressed.encodedFrames().get(0), d);
        DicomPeers.assertWithin(reference.nativeFrame(0), ours, codec.decodedDescriptor(d), TOLERANCE, "SC_rgb_jpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+eb", "+ee", "+eb +cy +s2", "+eb +cy +s4", "+eb +cr"})
    void decodesWhatDcmcjpegEncodes(String options) throws IOException {
        for (ImageDescriptor d : List.of(ImageDescriptor.monochrome(45, 61, 8, 8, false),
                ImageDescriptor.rgb(40, 52, 8, 8))) {
            List<byte[]> frames = List.of(TestImages.frame(d, 71), TestImages.frame(d, 72));
            Path jpeg = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "dcmcjpeg", options.split(" "));
            DicomPeers.Extracted compressed = DicomPeers.extract(jpeg, tmp);
            DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(jpeg, tmp, "dcmdjpeg"), tmp);
            ImageDescriptor cd = compressed.descriptor();
            for (int i = 0; i < frames.size(); i++) {
                byte[] ours = codec.decode(compressed.encodedFrames().get(i), cd);
                DicomPeers.assertWithin(reference.nativeFrame(i), ours, codec.decodedDescriptor(cd), TOLERANCE,
                        options + " " + cd.photometricInterpretation() + " frame " + i);
            }
        }
    }

    /** Our 12-bit decoder uses the same integer IDCT as IJG/DCMTK: no difference allowed. */
    static final int TOLERANCE_12_BIT = 0;

    @ParameterizedTest
    @ValueSource(strings = {"JPGExtended.dcm", "JPEG-lossy.dcm"})
    void decodes12BitPydicomFilesLikeDcmdjpeg(String file) throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve(file);
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        assertEquals(TransferSyntaxes.JPEG_EXTENDED_12BIT, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "dcmdjpeg"), tmp);
        ImageDescriptor d = compressed.descriptor();
        byte[] ours = codec.decode(compressed.encodedFrames().get(0), d);
        DicomPeers.assertWithin(reference.nativeFrame(0), ours, d, TOLERANCE_12_BIT, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ee", "+ee +q 100", "+ee +q 40"})
    void decodes12BitStreamsDcmcjpegWrites(String options) throws IOException {
        ImageDescriptor d = ImageDescriptor.monochrome(45, 61, 16, 12, false);
        List<byte[]> frames = List.of(TestImages.frame(d, 91), TestImages.frame(d, 92));
        Path jpeg = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "dcmcjpeg", options.split(" "));
        DicomPeers.Extracted compressed = DicomPeers.extract(jpeg, tmp);
        assertEquals(TransferSyntaxes.JPEG_EXTENDED_12BIT, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(jpeg, tmp, "dcmdjpeg"), tmp);
        for (int i = 0; i < frames.size(); i++) {
            byte[] ours = codec.decode(compressed.encodedFrames().get(i), d);
            DicomPeers.assertWithin(reference.nativeFrame(i), ours, d, TOLERANCE_12_BIT, options + " frame " + i);
        }
    }

    static Stream<Arguments> ourCases() {
        return Stream.of(
                Arguments.of(ImageDescriptor.monochrome(45, 61, 8, 8, false), TransferSyntaxes.JPEG_BASELINE_8BIT, 90),
                Arguments.of(ImageDescriptor.monochrome(45, 61, 8, 8, false), TransferSyntaxes.JPEG_BASELINE_8BIT, 30),
                Arguments.of(ImageDescriptor.rgb(40, 52, 8, 8), TransferSyntaxes.JPEG_BASELINE_8BIT, 95),
                Arguments.of(new ImageDescriptor(40, 52, 3, 8, 8, false, "YBR_FULL", 0),
                        TransferSyntaxes.JPEG_BASELINE_8BIT, 75),
                Arguments.of(ImageDescriptor.monochrome(45, 61, 16, 12, false), TransferSyntaxes.JPEG_EXTENDED_12BIT, 90),
                Arguments.of(ImageDescriptor.monochrome(45, 61, 16, 10, false), TransferSyntaxes.JPEG_EXTENDED_12BIT, 100));
    }

    /**
     * dcmdjpeg must decode our stream exactly as we do (8-bit: both IJG; 12-bit: same integer IDCT),
     * and the result must stay close to the original (mean error below 3% of the sample range).
     */
    @ParameterizedTest
    @MethodSource("ourCases")
    void dcmdjpegDecodesWhatWeEncode(ImageDescriptor d, String ts, int quality) throws IOException {
        JpegBaselineCodec ours = ts.equals(TransferSyntaxes.JPEG_EXTENDED_12BIT) ? JpegBaselineCodec.extended(quality)
                : JpegBaselineCodec.baseline(quality);
        List<byte[]> frames = List.of(smooth(d, 1), smooth(d, 2));
        List<byte[]> encoded = new ArrayList<>();
        for (byte[] f : frames) {
            encoded.add(ours.encode(f, d));
        }
        ImageDescriptor stored = ours.encodedDescriptor(d);
        Path dcm = DicomPeers.writeEncapsulated(stored, ts, encoded, tmp);
        DicomPeers.Extracted dcmtk = DicomPeers.extract(DicomPeers.convert(dcm, tmp, "dcmdjpeg"), tmp);
        ImageDescriptor out = ours.decodedDescriptor(stored);
        assertEquals(out.photometricInterpretation(), dcmtk.descriptor().photometricInterpretation());
        int tolerance = d.bitsAllocated() == 8 ? 0 : TOLERANCE_12_BIT;
        for (int i = 0; i < frames.size(); i++) {
            String what = d + " q" + quality + " frame " + i;
            DicomPeers.assertWithin(dcmtk.nativeFrame(i), ours.decode(encoded.get(i), stored), out, tolerance, what);
            byte[] original = d.photometricInterpretation().equals("YBR_FULL")
                    ? ours.decode(ours.encode(frames.get(i), d), d) : frames.get(i);
            double mean = meanError(original, dcmtk.nativeFrame(i), out);
            assertTrue(mean < 0.03 * (1 << d.bitsStored()), what + ": mean error " + mean);
        }
    }

    /** A photograph-like frame: smooth shapes and mild noise (JPEG is not meant for white noise). */
    private static byte[] smooth(ImageDescriptor d, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        int max = (1 << d.bitsStored()) - 1;
        int[][] comps = new int[d.samplesPerPixel()][d.pixelsPerFrame()];
        for (int c = 0; c < comps.length; c++) {
            for (int y = 0; y < d.rows(); y++) {
                for (int x = 0; x < d.columns(); x++) {
                    double v = 0.5 + 0.3 * Math.sin((x + 7 * c) / 6.0) * Math.cos(y / 9.0) + (x > 20 && y > 15 ? 0.15 : 0);
                    comps[c][y * d.columns() + x] = Math.max(0, Math.min(max, (int) (v * max) + rnd.nextInt(5) - 2));
                }
            }
        }
        return FrameSamples.fromComponents(comps, d);
    }

    private static double meanError(byte[] a, byte[] b, ImageDescriptor d) {
        int[][] x = FrameSamples.toComponents(a, d);
        int[][] y = FrameSamples.toComponents(b, d);
        double sum = 0;
        long n = 0;
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                sum += Math.abs(x[c][i] - y[c][i]);
                n++;
            }
        }
        return sum / n;
    }
}
