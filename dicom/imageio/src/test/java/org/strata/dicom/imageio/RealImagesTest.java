package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uncompressed images from pydicom's test data (CT/MR 16-bit signed, a 3x3 RGB, 32-bit dose, a
 * deflated 8-bit image), compressed by DCMTK and decoded by us, and encoded by us and decoded by
 * DCMTK, for every lossless syntax that DCMTK and we both write.
 */
class RealImagesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "CT_small.dcm,dcmcrle,,dcmdrle,1.2.840.10008.1.2.5",
        "MR_small.dcm,dcmcrle,,dcmdrle,1.2.840.10008.1.2.5",
        "SC_rgb_small_odd.dcm,dcmcrle,,dcmdrle,1.2.840.10008.1.2.5",
        "rtdose.dcm,dcmcrle,,dcmdrle,1.2.840.10008.1.2.5",
        "image_dfl.dcm,dcmcrle,,dcmdrle,1.2.840.10008.1.2.5",
        "CT_small.dcm,dcmcjpls,,dcmdjpls,1.2.840.10008.1.2.4.80",
        "SC_rgb_small_odd.dcm,dcmcjpls,,dcmdjpls,1.2.840.10008.1.2.4.80",
        "SC_rgb_small_odd.dcm,dcmcjpls,+is,dcmdjpls,1.2.840.10008.1.2.4.80",
        "image_dfl.dcm,dcmcjpls,,dcmdjpls,1.2.840.10008.1.2.4.80",
        "CT_small.dcm,dcmcjpeg,+e1,dcmdjpeg,1.2.840.10008.1.2.4.70",
        "MR_small.dcm,dcmcjpeg,+el,dcmdjpeg,1.2.840.10008.1.2.4.57",
        "SC_rgb_small_odd.dcm,dcmcjpeg,+e1,dcmdjpeg,1.2.840.10008.1.2.4.70",
        "image_dfl.dcm,dcmcjpeg,+el,dcmdjpeg,1.2.840.10008.1.2.4.57"})
    void losslessBothWays(String file, String encoder, String option, String decoder, String ts) throws IOException {
        DicomPeers.Extracted src = DicomPeers.extract(DicomPeers.TEST_FILES.resolve(file), tmp);
        ImageDescriptor d = src.descriptor();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < src.frames(); i++) {
            frames.add(src.nativeFrame(i));
        }
        String[] options = option == null ? new String[0] : new String[] {option};
        Path compressedFile = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, encoder, options);
        DicomPeers.Extracted compressed = DicomPeers.extract(compressedFile, tmp);
        assertEquals(ts, compressed.transferSyntax());
        PixelCodec codec = PixelCodecs.defaults().forTransferSyntax(ts).orElseThrow();
        List<byte[]> ours = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DicomPeers.assertSameSamples(frames.get(i), codec.decode(compressed.encodedFrames().get(i), d), d,
                    file + " " + encoder + " frame " + i + ": our decode");
            ours.add(codec.encode(frames.get(i), d));
        }
        Path ourFile = DicomPeers.writeEncapsulated(d, ts, ours, tmp);
        DicomPeers.Extracted back = DicomPeers.extract(DicomPeers.convert(ourFile, tmp, decoder), tmp);
        for (int i = 0; i < frames.size(); i++) {
            DicomPeers.assertSameSamples(frames.get(i), back.nativeFrame(i), d,
                    file + " frame " + i + ": " + decoder + " of our encoding");
        }
    }
}
