package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.strata.dicom.imageio.jpeg.JpegLosslessCodec;

/** JPEG Lossless process 14 / SV1 (T.81 Annex H) against DCMTK dcmcjpeg/dcmdjpeg and GDCM gdcmconv. */
class JpegLosslessCodecTest {

    private final JpegLosslessCodec decoder = JpegLosslessCodec.sv1();

    @TempDir
    Path tmp;

    @Test
    void decodesPydicomGdcmLosslessFileLikeDcmdjpeg() throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve("SC_rgb_jpeg_gdcm.dcm");
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        assertEquals(TransferSyntaxes.JPEG_LOSSLESS_SV1, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "dcmdjpeg"), tmp);
        ImageDescriptor d = compressed.descriptor();
        DicomPeers.assertSameSamples(reference.nativeFrame(0), decoder.decode(compressed.encodedFrames().get(0), d), d,
                "SC_rgb_jpeg_gdcm");
    }

    static Stream<Arguments> dcmtkCases() {
        return Stream.of(
                Arguments.of(ImageDescriptor.monochrome(41, 57, 8, 8, false), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, false), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, true), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 12, true), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.rgb(31, 37, 8, 8), new String[] {"+e1"}),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), new String[] {"+el", "+sv", "2"}),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), new String[] {"+el", "+sv", "3"}),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), new String[] {"+el", "+sv", "4"}),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, false), new String[] {"+el", "+sv", "5"}),
                Arguments.of(ImageDescriptor.monochrome(41, 57, 8, 8, false), new String[] {"+el", "+sv", "6"}),
                Arguments.of(ImageDescriptor.rgb(31, 37, 8, 8), new String[] {"+el", "+sv", "7"}),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), new String[] {"+el", "+sv", "1", "+pt", "2"}));
    }

    @ParameterizedTest
    @MethodSource("dcmtkCases")
    void decodesWhatDcmcjpegEncodesLikeDcmdjpeg(ImageDescriptor d, String[] options) throws IOException {
        List<byte[]> frames = List.of(TestImages.frame(d, 31), TestImages.frame(d, 32));
        Path jpeg = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "dcmcjpeg", options);
        DicomPeers.Extracted compressed = DicomPeers.extract(jpeg, tmp);
        assertEquals(options[0].equals("+e1") ? TransferSyntaxes.JPEG_LOSSLESS_SV1 : TransferSyntaxes.JPEG_LOSSLESS,
                compressed.transferSyntax());
        DicomPeers.Extracted dcmtk = DicomPeers.extract(DicomPeers.convert(jpeg, tmp, "dcmdjpeg"), tmp);
        boolean pointTransform = List.of(options).contains("+pt");
        for (int i = 0; i < frames.size(); i++) {
            String what = d + " " + String.join(" ", options) + " frame " + i;
            byte[] ours = decoder.decode(compressed.encodedFrames().get(i), d);
            DicomPeers.assertSameSamples(dcmtk.nativeFrame(i), ours, d, what + " vs dcmdjpeg");
            if (!pointTransform) {
                DicomPeers.assertSameSamples(frames.get(i), ours, d, what + " vs original");
            }
        }
    }

    @Test
    void decodesWhatGdcmconvEncodes() throws IOException {
        ImageDescriptor d = ImageDescriptor.monochrome(52, 48, 16, 16, false);
        List<byte[]> frames = List.of(TestImages.frame(d, 41));
        Path jpeg = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "gdcmconv", "--jpeg");
        DicomPeers.Extracted compressed = DicomPeers.extract(jpeg, tmp);
        assertEquals(TransferSyntaxes.JPEG_LOSSLESS_SV1, compressed.transferSyntax());
        DicomPeers.assertSameSamples(frames.get(0), decoder.decode(compressed.encodedFrames().get(0), d), d, "gdcmconv");
    }

    static Stream<Arguments> ourCases() {
        return Stream.of(
                Arguments.of(ImageDescriptor.monochrome(41, 57, 8, 8, false), 1, 0),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), 1, 0),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, false), 1, 0),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, true), 1, 0),
                Arguments.of(ImageDescriptor.monochrome(30, 31, 8, 2, false), 1, 0),
                Arguments.of(ImageDescriptor.rgb(31, 37, 8, 8), 1, 0),
                Arguments.of(ImageDescriptor.rgb(31, 37, 16, 16), 1, 0),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), 2, 3),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), 3, 1),
                Arguments.of(ImageDescriptor.monochrome(40, 63, 16, 12, false), 4, 5),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, false), 5, 7),
                Arguments.of(ImageDescriptor.monochrome(33, 44, 16, 16, true), 6, 2),
                Arguments.of(ImageDescriptor.rgb(31, 37, 8, 8), 7, 4),
                Arguments.of(ImageDescriptor.rgb(31, 37, 8, 8), 1, 1));
    }

    @ParameterizedTest
    @MethodSource("ourCases")
    void dcmdjpegDecodesWhatWeEncode(ImageDescriptor d, int predictor, int restartRows) throws IOException {
        JpegLosslessCodec codec = new JpegLosslessCodec(predictor, restartRows);
        List<byte[]> frames = List.of(TestImages.frame(d, 51), TestImages.frame(d, 52));
        List<byte[]> encoded = new ArrayList<>();
        for (byte[] f : frames) {
            byte[] e = codec.encode(f, d);
            DicomPeers.assertSameSamples(f, codec.decode(e, d), d, "own round trip");
            encoded.add(e);
        }
        String ts = predictor == 1 ? TransferSyntaxes.JPEG_LOSSLESS_SV1 : TransferSyntaxes.JPEG_LOSSLESS;
        Path dcm = DicomPeers.writeEncapsulated(d, ts, encoded, tmp);
        DicomPeers.Extracted dcmtk = DicomPeers.extract(DicomPeers.convert(dcm, tmp, "dcmdjpeg"), tmp);
        for (int i = 0; i < frames.size(); i++) {
            DicomPeers.assertSameSamples(frames.get(i), dcmtk.nativeFrame(i), d,
                    d + " SV" + predictor + " restart " + restartRows + " frame " + i + ": dcmdjpeg vs original");
        }
    }

    @Test
    void restartMarkersCycleThroughAllEight() {
        ImageDescriptor d = ImageDescriptor.monochrome(40, 9, 16, 16, false);
        byte[] f = TestImages.frame(d, 61);
        JpegLosslessCodec codec = new JpegLosslessCodec(4, 2);
        byte[] e = codec.encode(f, d);
        int rst7 = 0;
        for (int i = 0; i + 1 < e.length; i++) {
            if ((e[i] & 0xFF) == 0xFF && (e[i + 1] & 0xFF) == 0xD7) {
                rst7++;
            }
        }
        assertEquals(2, rst7, "19 restarts: RST0..RST7, RST0..RST7, RST0..RST2");
        assertArrayEquals(f, codec.decode(e, d));
    }
}
