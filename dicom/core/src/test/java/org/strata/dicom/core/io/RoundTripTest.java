package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.DatasetAssert;

/**
 * Round trips over the pydicom corpus: same syntax byte-identical (with the fix-ups listed),
 * every uncompressed syntax content-identical, broken files rejected with a typed exception.
 */
class RoundTripTest {

    /**
     * Files whose rewrite is intentionally not byte-identical, and why. Their content is still
     * compared after re-reading.
     */
    private static final String OW_FRAGMENTS = "encapsulated pixel data written OB, not OW (PS3.5 A.4)";

    static final Map<String, String> FIX_UPS = Map.ofEntries(
            Map.entry("test_files/693_J2KI.dcm", "wrong (0008,0000) group length in the original, recalculated; "
                    + OW_FRAGMENTS),
            Map.entry("test_files/MR_small_jp2klossless.dcm", OW_FRAGMENTS),
            Map.entry("test_files/MR_small_jpeg_ls_lossless.dcm", OW_FRAGMENTS),
            Map.entry("test_files/SC_rgb_rle_16bit.dcm", OW_FRAGMENTS),
            Map.entry("test_files/SC_rgb_rle_16bit_2frame.dcm", OW_FRAGMENTS),
            Map.entry("test_files/rtdose_rle.dcm", OW_FRAGMENTS),
            Map.entry("test_files/rtdose_rle_1frame.dcm", OW_FRAGMENTS),
            Map.entry("charset_files/chrJapMulti.dcm", "wrong (0010,0000) group length in the original, recalculated"),
            Map.entry("charset_files/chrKoreanMulti.dcm", "wrong (0010,0000) group length in the original, recalculated"),
            Map.entry("test_files/SC_rgb_jpeg.dcm", "implicit VR element (0008,0008) inside explicit VR data, written explicit"),
            Map.entry("test_files/UN_sequence.dcm", "UN of undefined length (implicit LE sequence) written as SQ (PS3.5 6.2.2)"),
            Map.entry("test_files/nested_priv_SQ.dcm", "odd-length value padded to even length (PS3.5 7.1.1)"),
            Map.entry("test_files/no_meta_group_length.dcm", "missing (0002,0000) added (PS3.10 7.1)"),
            Map.entry("test_files/meta_missing_tsyntax.dcm", "missing (0002,0010) added (PS3.10 7.1)"));

    @Test
    void everyFileParsesOrIsListedAsBrokenAndFailsTyped() {
        List<Path> all = Corpus.all();
        assertTrue(all.size() > 150, "corpus found: " + all.size());
        for (Path p : all) {
            String rel = Corpus.relative(p);
            if (Corpus.UNPARSABLE.containsKey(rel)) {
                assertThrows(DicomParseException.class, () -> Part10Reader.read(p), rel);
            } else {
                try {
                    DicomFile f = Part10Reader.read(p);
                    assertFalse(f.dataset().isEmpty(), rel);
                } catch (IOException e) {
                    throw new AssertionError(rel + ": " + e, e);
                }
            }
        }
    }

    @Test
    void sameSyntaxRewriteIsByteIdentical() throws IOException {
        List<String> identical = new ArrayList<>();
        for (Path p : Corpus.parsable()) {
            String rel = Corpus.relative(p);
            DicomFile f = Part10Reader.read(p);
            byte[] original = Files.readAllBytes(p);
            byte[] written = write(f);
            if (FIX_UPS.containsKey(rel)) {
                assertFalse(Arrays.equals(original, written), rel + " is listed as fix-up but identical");
                DicomFile back = Part10Reader.read(new ByteArrayInputStream(written), ReadOptions.DEFAULT);
                DatasetAssert.assertSameContent(f.dataset(), back.dataset(), false, rel);
            } else if (f.transferSyntax().deflated()) {
                // the deflate stream depends on the compressor: compare meta and inflated data set
                int start = datasetStart(original);
                assertArrayEquals(Arrays.copyOf(original, start), Arrays.copyOf(written, datasetStart(written)), rel);
                assertArrayEquals(inflate(original, start), inflate(written, start), rel);
                identical.add(rel);
            } else {
                assertArrayEquals(original, written, rel);
                identical.add(rel);
            }
        }
        assertTrue(identical.size() > 140, "identical: " + identical.size());
    }

    @Test
    void everyUncompressedSyntaxRoundTripsContent() throws IOException {
        for (Path p : Corpus.parsable()) {
            String rel = Corpus.relative(p);
            DicomFile f = Part10Reader.read(p);
            for (TransferSyntax ts : TransferSyntax.uncompressed()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new DicomWriter(out, ts, WriteOptions.DEFAULT).writeDataset(f.dataset());
                Attributes back = new DicomReader(new ByteArrayInputStream(out.toByteArray()), ts, ReadOptions.DEFAULT)
                        .readDataset();
                DatasetAssert.assertSameContent(f.dataset(), back, !ts.explicitVR(), rel + " as " + ts.uid());
            }
        }
    }

    private static byte[] write(DicomFile f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f.preamble() != null) {
            Part10Writer.write(out, f, WriteOptions.DEFAULT);
        } else {
            new DicomWriter(out, f.transferSyntax(), WriteOptions.DEFAULT).writeDataset(f.dataset());
        }
        return out.toByteArray();
    }

    /** Offset after the meta group: 132 + 12 + value of (0002,0000) (PS3.10 7.1). */
    private static int datasetStart(byte[] file) {
        return 144 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] inflate(byte[] file, int start) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(
                new ByteArrayInputStream(file, start, file.length - start), new Inflater(true))) {
            return in.readAllBytes();
        }
    }
}
