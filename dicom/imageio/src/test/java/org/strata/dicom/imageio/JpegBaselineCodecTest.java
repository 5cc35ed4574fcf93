package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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

    private final JpegBaselineCodec codec = new JpegBaselineCodec();

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

    /** Our 12-bit decoder's IDCT is exact floating point; IJG's integer IDCT rounds differently. */
    static final int TOLERANCE_12_BIT = 1;

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
}
