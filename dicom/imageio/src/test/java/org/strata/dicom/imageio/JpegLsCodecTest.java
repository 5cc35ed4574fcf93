package org.strata.dicom.imageio;

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
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.imageio.jpegls.JpegLsCodec;
import org.strata.dicom.imageio.jpegls.JpegLsInterleave;

/** JPEG-LS (T.87) against DCMTK dcmcjpls / dcmdjpls. */
class JpegLsCodecTest {

    @TempDir
    Path tmp;

    @Test
    void decodesPydicomJpegLsFileLikeDcmdjpls() throws IOException {
        Path in = DicomPeers.TEST_FILES.resolve("MR_small_jpeg_ls_lossless.dcm");
        DicomPeers.Extracted compressed = DicomPeers.extract(in, tmp);
        assertEquals(TransferSyntaxes.JPEG_LS_LOSSLESS, compressed.transferSyntax());
        DicomPeers.Extracted reference = DicomPeers.extract(DicomPeers.convert(in, tmp, "dcmdjpls"), tmp);
        ImageDescriptor d = compressed.descriptor();
        byte[] ours = JpegLsCodec.lossless().decode(compressed.encodedFrames().get(0), d);
        DicomPeers.assertSameSamples(reference.nativeFrame(0), ours, d, "MR_small_jpeg_ls_lossless");
    }

    static Stream<Arguments> dcmtkCases() {
        return Stream.of(
                Arguments.of(ImageDescriptor.monochrome(61, 67, 8, 8, false), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(64, 70, 16, 12, false), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(50, 47, 16, 16, false), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(45, 52, 16, 16, true), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(45, 52, 16, 12, true), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(40, 41, 16, 10, false), 0, "+il"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, "+il"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, "+is"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, "+in"),
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 16), 0, "+il"),
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 16), 0, "+is"),
                // not "+in" for 16 bits allocated / 12 stored RGB: dcmdjpls 3.6.7 rejects what dcmcjpls writes
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 12), 0, "+il"),
                Arguments.of(ImageDescriptor.monochrome(61, 67, 8, 8, false), 2, "+il"),
                Arguments.of(ImageDescriptor.monochrome(64, 70, 16, 12, false), 3, "+il"),
                Arguments.of(ImageDescriptor.monochrome(50, 47, 16, 16, false), 7, "+il"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 2, "+il"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 1, "+is"),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 4, "+in"));
    }

    private static String[] options(int near, String interleave) {
        List<String> o = new ArrayList<>(List.of(interleave));
        if (near > 0) {
            o.addAll(List.of("+en", "+md", Integer.toString(near)));
        }
        return o.toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("dcmtkCases")
    void decodesWhatDcmcjplsEncodes(ImageDescriptor d, int near, String interleave) throws IOException {
        List<byte[]> frames = List.of(TestImages.frame(d, 11), TestImages.frame(d, 12));
        checkDcmtkEncoded(d, frames, near, interleave);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_small.dcm"})
    void decodesDcmcjplsEncodingsOfRealImages(String file) throws IOException {
        DicomPeers.Extracted src = DicomPeers.extract(DicomPeers.TEST_FILES.resolve(file), tmp);
        List<byte[]> frames = List.of(src.nativeFrame(0));
        checkDcmtkEncoded(src.descriptor(), frames, 0, "+il");
        // dcmcjpls refuses near-lossless for signed pixels: code the same bits as unsigned
        ImageDescriptor d = src.descriptor();
        ImageDescriptor unsigned = new ImageDescriptor(d.rows(), d.columns(), d.samplesPerPixel(), d.bitsAllocated(),
                d.bitsStored(), false, d.photometricInterpretation(), d.planarConfiguration());
        checkDcmtkEncoded(unsigned, frames, 3, "+il");
    }

    private void checkDcmtkEncoded(ImageDescriptor d, List<byte[]> frames, int near, String interleave)
            throws IOException {
        Path jls = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, "dcmcjpls",
                options(near, interleave));
        DicomPeers.Extracted compressed = DicomPeers.extract(jls, tmp);
        assertEquals(near == 0 ? TransferSyntaxes.JPEG_LS_LOSSLESS : TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS,
                compressed.transferSyntax());
        DicomPeers.Extracted dcmtk = DicomPeers.extract(DicomPeers.convert(jls, tmp, "dcmdjpls"), tmp);
        JpegLsCodec codec = JpegLsCodec.lossless();
        for (int i = 0; i < frames.size(); i++) {
            byte[] ours = codec.decode(compressed.encodedFrames().get(i), d);
            String what = d + " NEAR=" + near + " " + interleave + " frame " + i;
            DicomPeers.assertSameSamples(dcmtk.nativeFrame(i), ours, d, what + " vs dcmdjpls");
            DicomPeers.assertWithin(frames.get(i), ours, d, near, what + " vs original");
        }
    }

    static Stream<Arguments> ourCases() {
        return Stream.of(
                Arguments.of(ImageDescriptor.monochrome(61, 67, 8, 8, false), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(64, 70, 16, 12, false), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(50, 47, 16, 16, false), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(45, 52, 16, 16, true), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(45, 52, 16, 12, true), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(23, 29, 8, 7, false), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, JpegLsInterleave.LINE),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, JpegLsInterleave.SAMPLE),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 16), 0, JpegLsInterleave.LINE),
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 16), 0, JpegLsInterleave.SAMPLE),
                Arguments.of(ImageDescriptor.rgb(30, 35, 16, 12), 0, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(61, 67, 8, 8, false), 2, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(64, 70, 16, 12, false), 5, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.monochrome(45, 52, 16, 16, false), 9, JpegLsInterleave.NONE),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 3, JpegLsInterleave.LINE),
                Arguments.of(ImageDescriptor.rgb(33, 39, 8, 8), 1, JpegLsInterleave.SAMPLE));
    }

    @ParameterizedTest
    @MethodSource("ourCases")
    void dcmdjplsDecodesWhatWeEncode(ImageDescriptor d, int near, JpegLsInterleave interleave) throws IOException {
        JpegLsCodec codec = new JpegLsCodec(near, interleave);
        List<byte[]> frames = List.of(TestImages.frame(d, 21), TestImages.frame(d, 22));
        List<byte[]> encoded = new ArrayList<>();
        List<byte[]> ownDecode = new ArrayList<>();
        for (byte[] f : frames) {
            byte[] e = codec.encode(f, d);
            encoded.add(e);
            ownDecode.add(codec.decode(e, d));
        }
        String ts = near == 0 ? TransferSyntaxes.JPEG_LS_LOSSLESS : TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS;
        Path dcm = DicomPeers.writeEncapsulated(d, ts, encoded, tmp);
        DicomPeers.Extracted dcmtk = DicomPeers.extract(DicomPeers.convert(dcm, tmp, "dcmdjpls"), tmp);
        for (int i = 0; i < frames.size(); i++) {
            String what = d + " NEAR=" + near + " " + interleave + " frame " + i;
            DicomPeers.assertWithin(frames.get(i), dcmtk.nativeFrame(i), d, near, what + " dcmdjpls vs original");
            DicomPeers.assertSameSamples(dcmtk.nativeFrame(i), ownDecode.get(i), d, what + " ours vs dcmdjpls");
        }
    }
}
