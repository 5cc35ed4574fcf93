package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * The writer's bulk data paths: into a file by {@code FileChannel.transferTo} from the source file,
 * through a buffer to any other stream or when bytes must be swapped or deflated. Each must write
 * exactly what writing the values from memory writes.
 */
class BulkDataWriteTest {

    private static final ReadOptions BULK = ReadOptions.builder()
            .bulkData(ReadOptions.BulkDataSelector.largerThan(16)).build();

    @TempDir
    Path dir;

    @Test
    void everyCorpusFileWritesTheSameWithValuesByReference() throws Exception {
        int withBulk = 0;
        for (Path p : Corpus.parsable()) {
            DicomFile ref = Part10Reader.read(p, BULK);
            if (!hasBulkData(ref.dataset())) {
                continue;
            }
            withBulk++;
            Path fromMemory = dir.resolve("memory.dcm");
            Path byTransfer = dir.resolve("transfer.dcm");
            Part10Writer.write(fromMemory, Part10Reader.read(p));
            Part10Writer.write(byTransfer, ref);
            byte[] expected = Files.readAllBytes(fromMemory);
            assertArrayEquals(expected, Files.readAllBytes(byTransfer), Corpus.relative(p) + " (file channel)");
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            Part10Writer.write(streamed, ref, WriteOptions.DEFAULT);
            assertArrayEquals(expected, streamed.toByteArray(), Corpus.relative(p) + " (stream)");
        }
        assertTrue(withBulk > 90, "files with bulk data: " + withBulk);
    }

    @Test
    void ourOwnPart10FileIsCopiedByteForByte() throws Exception {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        a.setString(Tag.PatientName, VR.PN, "Doe^John");
        a.setInt(Tag.Rows, VR.US, 256);
        a.setInt(Tag.Columns, VR.US, 256);
        byte[] pixels = new byte[256 * 256 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31 + (i >> 9));
        }
        a.setBytes(Tag.PixelData, VR.OW, pixels);
        Path source = dir.resolve("source.dcm");
        Part10Writer.write(source, new DicomFile(null, new Attributes(), a, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        DicomFile ref = Part10Reader.read(source, ReadOptions.builder()
                .bulkData(ReadOptions.BulkDataSelector.PIXEL_DATA).build());
        BulkData bulk = assertInstanceOf(BulkData.class, ref.dataset().getValue(Tag.PixelData));
        assertEquals(pixels.length, bulk.length());
        Path copy = dir.resolve("copy.dcm");
        Part10Writer.write(copy, ref);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(copy));
    }

    @Test
    void bigEndianBulkDataIsSwappedIntoALittleEndianFile() throws Exception {
        Path be = Corpus.PYDICOM_DATA.resolve("test_files/MR_small_bigendian.dcm");
        DicomFile inline = Part10Reader.read(be);
        DicomFile ref = Part10Reader.read(be, BULK);
        Path fromMemory = dir.resolve("memory.dcm");
        Path fromReference = dir.resolve("reference.dcm");
        Part10Writer.write(fromMemory, withSyntax(inline, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Part10Writer.write(fromReference, withSyntax(ref, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertArrayEquals(Files.readAllBytes(fromMemory), Files.readAllBytes(fromReference));
        assertArrayEquals(inline.dataset().getBytes(Tag.PixelData),
                Part10Reader.read(fromReference).dataset().getBytes(Tag.PixelData));
    }

    @Test
    void bulkDataIntoADeflatedFileIsStreamedThroughTheDeflater() throws Exception {
        Path ct = Corpus.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
        DicomFile inline = Part10Reader.read(ct);
        Path deflated = dir.resolve("deflated.dcm");
        Part10Writer.write(deflated, withSyntax(Part10Reader.read(ct, BULK), TransferSyntax.of("1.2.840.10008.1.2.1.99")));
        assertArrayEquals(inline.dataset().getBytes(Tag.PixelData),
                Part10Reader.read(deflated).dataset().getBytes(Tag.PixelData));
    }

    @Test
    void bulkDataBeyondTheEndOfItsFileFailsInsteadOfWritingAShortValue() throws Exception {
        Path source = dir.resolve("short.bin");
        Files.write(source, new byte[100]);
        Attributes a = new Attributes();
        a.setValue(Tag.PixelData, VR.OB, new BulkData(source, 50, 100, false));
        DicomFile f = new DicomFile(null, new Attributes(), a, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        IOException toFile = assertThrows(IOException.class, () -> Part10Writer.write(dir.resolve("out.dcm"), f));
        assertTrue(toFile.getMessage().contains("truncated"), toFile.getMessage());
        IOException toStream = assertThrows(IOException.class,
                () -> Part10Writer.write(new ByteArrayOutputStream(), f, WriteOptions.DEFAULT));
        assertTrue(toStream.getMessage().contains("truncated"), toStream.getMessage());
    }

    private static DicomFile withSyntax(DicomFile f, TransferSyntax ts) {
        return new DicomFile(f.preamble(), f.fileMeta(), f.dataset(), ts);
    }

    private static boolean hasBulkData(Attributes attrs) {
        for (int i = 0; i < attrs.size(); i++) {
            Object v = attrs.valueAt(i);
            if (v instanceof BulkData) {
                return true;
            }
            if (v instanceof org.strata.dicom.core.Fragments f && f.list().stream().anyMatch(BulkData.class::isInstance)) {
                return true;
            }
            if (v instanceof org.strata.dicom.core.Sequence s) {
                for (Attributes item : s) {
                    if (hasBulkData(item)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

}
