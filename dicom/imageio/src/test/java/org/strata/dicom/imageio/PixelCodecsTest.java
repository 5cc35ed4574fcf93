package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry, the fragment-level API and the behaviour on damaged input. */
class PixelCodecsTest {

    private final PixelCodecs codecs = PixelCodecs.defaults();

    @TempDir
    Path tmp;

    @Test
    void registryCoversEveryCompressedSyntaxOfThisModule() {
        for (String ts : List.of(TransferSyntaxes.RLE_LOSSLESS, TransferSyntaxes.JPEG_BASELINE_8BIT,
                TransferSyntaxes.JPEG_EXTENDED_12BIT, TransferSyntaxes.JPEG_LOSSLESS, TransferSyntaxes.JPEG_LOSSLESS_SV1,
                TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS,
                TransferSyntaxes.JPEG_2000_LOSSLESS, TransferSyntaxes.JPEG_2000)) {
            assertTrue(codecs.forTransferSyntax(ts).isPresent(), ts);
        }
        assertFalse(codecs.forTransferSyntax("1.2.840.10008.1.2.1").isPresent());
        ImageDescriptor d = ImageDescriptor.monochrome(8, 8, 16, 12, false);
        assertFalse(codecs.forTransferSyntax(TransferSyntaxes.JPEG_BASELINE_8BIT).orElseThrow().canEncode(d));
        assertTrue(codecs.forTransferSyntax(TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS).orElseThrow().canEncode(d));
        ImageDescriptor signed = ImageDescriptor.monochrome(8, 8, 16, 16, true);
        assertFalse(codecs.forTransferSyntax(TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS).orElseThrow().canEncode(signed));
        assertTrue(codecs.forTransferSyntax(TransferSyntaxes.JPEG_LS_LOSSLESS).orElseThrow().canEncode(signed));
    }

    /** A header claiming other dimensions than the dataset is refused before anything is allocated. */
    @ParameterizedTest
    @ValueSource(strings = {TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_LOSSLESS_SV1,
        TransferSyntaxes.JPEG_EXTENDED_12BIT, TransferSyntaxes.JPEG_2000_LOSSLESS})
    void headerDimensionsMustMatchTheDescriptor(String ts) {
        PixelCodec codec = codecs.forTransferSyntax(ts).orElseThrow();
        ImageDescriptor d = ImageDescriptor.monochrome(16, 24, 16, 12, false);
        byte[] stream = codec.encode(TestImages.frame(d, 9), d);
        ImageDescriptor other = ImageDescriptor.monochrome(16, 25, 16, 12, false);
        PixelDataException e = org.junit.jupiter.api.Assertions.assertThrows(PixelDataException.class,
                () -> codec.decode(stream, other));
        assertTrue(e.getMessage().contains("descriptor says 25x16x1"), e.getMessage());
    }

    /** Streams under the wrong JPEG transfer syntax still decode (seen in the wild). */
    @Test
    void jpegCodecsDecodeEachOthersStreams() {
        ImageDescriptor d = ImageDescriptor.monochrome(16, 24, 16, 12, false);
        byte[] frame = TestImages.frame(d, 5);
        PixelCodec lossless = codecs.forTransferSyntax(TransferSyntaxes.JPEG_LOSSLESS_SV1).orElseThrow();
        PixelCodec lossy = codecs.forTransferSyntax(TransferSyntaxes.JPEG_EXTENDED_12BIT).orElseThrow();
        assertArrayEquals(frame, lossy.decode(lossless.encode(frame, d), d));
        byte[] lossyStream = lossy.encode(frame, d);
        assertArrayEquals(lossy.decode(lossyStream, d), lossless.decode(lossyStream, d));
    }

    /** DCMTK splits each frame into 1 KiB fragments; the fragment list API must reassemble them. */
    @ParameterizedTest
    @ValueSource(strings = {"dcmcjpls", "dcmcjpeg", "dcmcrle"})
    void decodesFramesSpreadOverManyFragments(String tool) throws IOException {
        ImageDescriptor d = ImageDescriptor.monochrome(64, 80, 16, 16, false);
        List<byte[]> frames = List.of(TestImages.frame(d, 101), TestImages.frame(d, 102));
        List<String> options = new ArrayList<>(List.of("+fs", "1"));
        if (tool.equals("dcmcjpeg")) {
            options.add("+e1");
        }
        Path dcm = DicomPeers.convert(DicomPeers.writeNative(d, frames, tmp), tmp, tool, options.toArray(String[]::new));
        DicomPeers.Extracted compressed = DicomPeers.extract(dcm, tmp);
        PixelCodec codec = codecs.forTransferSyntax(compressed.transferSyntax()).orElseThrow();
        for (int i = 0; i < frames.size(); i++) {
            byte[] whole = compressed.encodedFrames().get(i);
            assertTrue(whole.length > 1024, "frame needs several fragments");
            List<byte[]> fragments = new ArrayList<>();
            for (int off = 0; off < whole.length; off += 1024) {
                fragments.add(java.util.Arrays.copyOfRange(whole, off, Math.min(whole.length, off + 1024)));
            }
            assertArrayEquals(frames.get(i), codec.decode(fragments, d), tool + " frame " + i);
        }
    }

    /** Damaged streams either decode to a frame of the right size or fail with PixelDataException. */
    @ParameterizedTest
    @ValueSource(strings = {TransferSyntaxes.RLE_LOSSLESS, TransferSyntaxes.JPEG_LS_LOSSLESS,
        TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS, TransferSyntaxes.JPEG_LOSSLESS_SV1, TransferSyntaxes.JPEG_EXTENDED_12BIT})
    void damagedStreamsFailCleanly(String ts) {
        PixelCodec codec = codecs.forTransferSyntax(ts).orElseThrow();
        ImageDescriptor d = ts.equals(TransferSyntaxes.JPEG_EXTENDED_12BIT)
                ? ImageDescriptor.monochrome(24, 30, 16, 12, false) : ImageDescriptor.rgb(24, 30, 8, 8);
        byte[] good = codec.encode(TestImages.frame(d, 111), d);
        Random rnd = new Random(7);
        int failures = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = trial % 3 == 0 ? java.util.Arrays.copyOf(good, rnd.nextInt(good.length)) : good.clone();
            if (trial % 3 != 0) {
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
                }
            }
            try {
                assertEquals(d.frameLength(), codec.decode(bad, d).length);
            } catch (PixelDataException expected) {
                failures++;
            } catch (RuntimeException e) {
                fail(ts + " trial " + trial + " threw " + e, e);
            }
        }
        assertTrue(failures > 0, "some damage must be detected");
    }
}
