package org.strata.dicom.imageio.transcode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Multi-frame Pixel Data with several fragments per frame (PS3.5 A.4), with and without a Basic
 * Offset Table; the errors a bad data set must produce; lossy policy and attributes.
 */
class TranscodeFramesTest {

    private static final Transcoder LOSSLESS = new Transcoder(TranscodeOptions.DEFAULT);

    /** MR_small with three different frames (the second and third shifted), Explicit VR LE. */
    private static DicomFile threeFrames() throws IOException {
        DicomFile mr = Part10Reader.read(Peers.TEST_FILES.resolve("MR_small.dcm"));
        byte[] one = mr.dataset().getBytes(Tag.PixelData);
        byte[] all = new byte[one.length * 3];
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < one.length; i += 2) {
                int v = ((one[i] & 0xFF) | one[i + 1] << 8) + f * 7;
                all[f * one.length + i] = (byte) v;
                all[f * one.length + i + 1] = (byte) (v >> 8);
            }
        }
        mr.dataset().setString(Tag.NumberOfFrames, VR.IS, "3");
        mr.dataset().setBytes(Tag.PixelData, VR.OW, all);
        return mr;
    }

    /** Splits every frame's fragment into pieces of at most {@code piece} bytes; BOT kept or emptied. */
    private static DicomFile split(DicomFile encoded, int piece, boolean keepOffsets) {
        Fragments in = (Fragments) encoded.dataset().getValue(Tag.PixelData);
        Fragments out = new Fragments(VR.OB);
        ByteArrayOutputStream bot = new ByteArrayOutputStream();
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        long offset = 0;
        for (int i = 1; i < in.size(); i++) {
            byte[] frame = (byte[]) in.get(i);
            bot.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) offset).array());
            for (int p = 0; p < frame.length; p += piece) {
                byte[] part = Arrays.copyOfRange(frame, p, Math.min(frame.length, p + piece));
                items.writeBytes(part);
                offset += 8 + part.length;
            }
        }
        out.add(keepOffsets ? bot.toByteArray() : new byte[0]);
        for (int i = 1; i < in.size(); i++) {
            byte[] frame = (byte[]) in.get(i);
            for (int p = 0; p < frame.length; p += piece) {
                out.add(Arrays.copyOfRange(frame, p, Math.min(frame.length, p + piece)));
            }
        }
        encoded.dataset().setValue(Tag.PixelData, VR.OB, out);
        return encoded;
    }

    @Test
    void severalFragmentsPerFrameWithAndWithoutOffsetTable(@TempDir Path tmp) throws IOException {
        DicomFile original = threeFrames();
        byte[] samples = original.dataset().getBytes(Tag.PixelData);
        for (String ts : List.of(TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_LOSSLESS_SV1)) {
            DicomFile encoded = LOSSLESS.transcode(original, ts);
            Fragments f = (Fragments) encoded.dataset().getValue(Tag.PixelData);
            assertEquals(4, f.size(), "BOT + one fragment per frame");
            assertEquals(12, f.length(0), "BOT with three offsets");
            for (boolean keep : List.of(true, false)) {
                DicomFile fragmented = split(LOSSLESS.transcode(original, ts), 1000, keep);
                assertTrue(((Fragments) fragmented.dataset().getValue(Tag.PixelData)).size() > 7);
                DicomFile back = LOSSLESS.transcode(fragmented, TransferSyntaxCatalog.EXPLICIT_VR_LE);
                assertArrayEquals(samples, back.dataset().getBytes(Tag.PixelData), ts + " BOT " + keep);
                // the peer agrees that the fragmented file holds these frames
                Path file = tmp.resolve(ts + keep + ".dcm");
                Part10Writer.write(file, fragmented);
                Path peer = tmp.resolve(ts + keep + ".peer.dcm");
                Peers.run(tmp, Peers.decompressor(ts, file, peer));
                assertArrayEquals(samples, Part10Reader.read(peer).dataset().getBytes(Tag.PixelData), "DCMTK " + ts);
            }
        }
    }

    @Test
    void fragmentsNotMatchingNumberOfFramesNameTheFrame() throws IOException {
        DicomFile rle = Part10Reader.read(Peers.TEST_FILES.resolve("MR_small_RLE.dcm"));
        rle.dataset().setString(Tag.NumberOfFrames, VR.IS, "2");
        TranscodeException e = assertThrows(TranscodeException.class,
                () -> LOSSLESS.transcode(rle, TransferSyntaxCatalog.EXPLICIT_VR_LE));
        assertEquals(1, e.frame(), e.getMessage());
        assertTrue(e.getMessage().contains("Number of Frames is 2"), e.getMessage());
    }

    @Test
    void corruptFrameIsNamed() throws IOException {
        DicomFile rle = Part10Reader.read(Peers.TEST_FILES.resolve("SC_rgb_rle_2frame.dcm"));
        Fragments f = (Fragments) rle.dataset().getValue(Tag.PixelData);
        Fragments bad = new Fragments(VR.OB).add((byte[]) f.get(0)).add((byte[]) f.get(1))
                .add(Arrays.copyOf((byte[]) f.get(2), 40));
        rle.dataset().setValue(Tag.PixelData, VR.OB, bad);
        TranscodeException e = assertThrows(TranscodeException.class,
                () -> LOSSLESS.transcode(rle, TransferSyntaxCatalog.EXPLICIT_VR_LE));
        assertEquals(1, e.frame(), e.getMessage());
        assertTrue(e.getMessage().startsWith("frame 1: RLE"), e.getMessage());
    }

    @Test
    void bitsStoredAboveBitsAllocatedIsRefused() throws IOException {
        DicomFile mr = Part10Reader.read(Peers.TEST_FILES.resolve("MR_small.dcm"));
        mr.dataset().setInt(Tag.BitsStored, VR.US, 17);
        TranscodeException e = assertThrows(TranscodeException.class,
                () -> LOSSLESS.transcode(mr, TransferSyntaxes.RLE_LOSSLESS));
        assertTrue(e.getMessage().contains("Bits Stored 17 > Bits Allocated 16"), e.getMessage());
    }

    @Test
    void lossyOnlyWhenAllowedAndThenRecorded(@TempDir Path tmp) throws IOException {
        DicomFile rgb = Part10Reader.read(Peers.TEST_FILES.resolve("SC_rgb_small_odd.dcm"));
        TranscodeException e = assertThrows(TranscodeException.class,
                () -> LOSSLESS.transcode(rgb, TransferSyntaxes.JPEG_BASELINE_8BIT));
        assertTrue(e.getMessage().contains("lossy"), e.getMessage());
        DicomFile jpeg = new Transcoder(TranscodeOptions.builder().allowLossy(true).build())
                .transcode(rgb, TransferSyntaxes.JPEG_BASELINE_8BIT);
        Attributes ds = jpeg.dataset();
        assertEquals("YBR_FULL", ds.getString(Tag.PhotometricInterpretation));
        assertEquals("01", ds.getString(Tag.LossyImageCompression));
        assertEquals("ISO_10918_1", ds.getString(Tag.LossyImageCompressionMethod));
        long encoded = ((Fragments) ds.getValue(Tag.PixelData)).length(1);
        double ratio = 3.0 * ds.getInt(Tag.Rows, 0) * ds.getInt(Tag.Columns, 0) / encoded;
        assertEquals(ratio, Double.parseDouble(ds.getString(Tag.LossyImageCompressionRatio)), 0.006);
        assertEquals(rgb.dataset().getString(Tag.SOPInstanceUID), ds.getString(Tag.SOPInstanceUID));
        Path file = tmp.resolve("lossy.dcm");
        Part10Writer.write(file, jpeg);
        Path peer = tmp.resolve("lossy.peer.dcm");
        Peers.run(tmp, "dcmdjpeg", file.toString(), peer.toString());
        String result = Peers.compare(tmp, List.of(new Peers.Comparison(peer, Peers.TEST_FILES
                .resolve("SC_rgb_small_odd.dcm"), file, Peers.TEST_FILES.resolve("SC_rgb_small_odd.dcm"), 48))).get(0);
        assertTrue(result.startsWith("OK"), result);
    }

    @Test
    void videoPassesThroughOnlyToItself() {
        String mpeg2 = "1.2.840.10008.1.2.4.100";
        TranscodeException e = assertThrows(TranscodeException.class, () -> LOSSLESS.transcodeDataset(
                new ByteArrayInputStream(new byte[0]), mpeg2, new ByteArrayOutputStream(),
                TransferSyntaxCatalog.EXPLICIT_VR_LE));
        assertTrue(e.getMessage().contains("video"), e.getMessage());
    }

    @Test
    void datasetStreamWithoutMeta() throws IOException {
        DicomFile mr = Part10Reader.read(Peers.TEST_FILES.resolve("MR_small_jpeg_ls_lossless.dcm"));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        new org.strata.dicom.core.io.DicomWriter(in, mr.transferSyntax(), WriteOptions.DEFAULT)
                .writeDataset(mr.dataset());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LOSSLESS.transcodeDataset(new ByteArrayInputStream(in.toByteArray()), mr.transferSyntax().uid(), out,
                TransferSyntaxCatalog.IMPLICIT_VR_LE);
        Attributes ds = org.strata.dicom.core.io.DicomReader.read(new ByteArrayInputStream(out.toByteArray()),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        byte[] expected = Part10Reader.read(Peers.TEST_FILES.resolve("MR_small.dcm")).dataset()
                .getBytes(Tag.PixelData);
        assertArrayEquals(expected, ds.getBytes(Tag.PixelData));
        assertEquals(mr.dataset().getString(Tag.SOPInstanceUID), ds.getString(Tag.SOPInstanceUID));
    }

    @Test
    void nearLosslessStaysWithinItsBound(@TempDir Path tmp) throws IOException {
        Path source = Peers.TEST_FILES.resolve("image_dfl.dcm");
        Path jls = tmp.resolve("near.dcm");
        new Transcoder(TranscodeOptions.builder().allowLossy(true).build())
                .transcode(source, jls, TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS);
        Attributes ds = Part10Reader.read(jls).dataset();
        assertEquals("01", ds.getString(Tag.LossyImageCompression));
        assertEquals("ISO_14495_1", ds.getString(Tag.LossyImageCompressionMethod));
        Path peer = tmp.resolve("near.peer.dcm");
        Peers.run(tmp, "dcmdjpls", jls.toString(), peer.toString());
        // NEAR = 2 (PixelCodecs.defaults()): every sample within 2 of the original (ITU-T T.87 A.2)
        String result = Peers.compare(tmp, List.of(new Peers.Comparison(peer, source, jls, source, 2))).get(0);
        assertTrue(result.startsWith("OK"), result);
    }
}
