package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;

/** Stop predicate, bulk data by reference, allocation limit, command sets and raw streams. */
class ReaderOptionsTest {

    private static final Path CT = Corpus.PYDICOM_DATA.resolve("test_files/CT_small.dcm");

    @Test
    void stopsBeforePixelDataWithoutConsumingIt() throws Exception {
        DicomFile f = Part10Reader.read(CT, ReadOptions.builder().stopBeforePixelData().build());
        assertFalse(f.dataset().contains(Tag.PixelData));
        assertTrue(f.dataset().contains(Tag.Rows));
        try (var in = Files.newInputStream(CT)) {
            in.skipNBytes(132 + 12 + 192);
            DicomReader reader = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    ReadOptions.builder().stopBeforePixelData().build());
            reader.readDataset();
            assertEquals(Tag.PixelData, reader.peekTag());
        }
    }

    @Test
    void keepsPixelDataAsBulkDataReference(@TempDir Path dir) throws Exception {
        DicomFile inline = Part10Reader.read(CT);
        DicomFile ref = Part10Reader.read(CT, ReadOptions.builder()
                .bulkData(ReadOptions.BulkDataSelector.PIXEL_DATA).build());
        BulkData bulk = assertInstanceOf(BulkData.class, ref.dataset().getValue(Tag.PixelData));
        assertEquals(CT, bulk.file());
        assertArrayEquals(inline.dataset().getBytes(Tag.PixelData), bulk.readBytes());
        Path out = dir.resolve("copy.dcm");
        Part10Writer.write(out, ref);
        assertArrayEquals(Files.readAllBytes(CT), Files.readAllBytes(out));
    }

    @Test
    void corruptLengthFailsTypedWithTagAndOffset() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "Doe^John");
        byte[] b = encode(a, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        b[4] = (byte) 0xF0;
        b[7] = 0x7F; // length 0x7F0000F0
        DicomParseException e = assertThrows(DicomParseException.class, () -> new DicomReader(
                new ByteArrayInputStream(b), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.builder().maxValueLength(1 << 20).build()).readDataset());
        assertEquals(Tag.PatientName, e.tag());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("(0010,0010)"), e.getMessage());
    }

    @Test
    void commandSetRoundTripWithGroupLength() throws Exception {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, UID.Verification);
        cmd.setInt(Tag.CommandField, VR.US, 0x0030);
        cmd.setInt(Tag.MessageID, VR.US, 7);
        cmd.setInt(Tag.CommandDataSetType, VR.US, 0x0101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeCommand(cmd, out);
        byte[] b = out.toByteArray();
        Attributes back = DicomReader.readCommand(new ByteArrayInputStream(b));
        assertEquals(b.length - 12, back.getInt(Tag.CommandGroupLength, -1));
        assertEquals(UID.Verification, back.getString(Tag.AffectedSOPClassUID));
        assertEquals(0x0030, back.getInt(Tag.CommandField, -1));
        assertEquals(7, back.getInt(Tag.MessageID, -1));
    }

    @Test
    void datasetStreamsInEverySyntax() throws Exception {
        Attributes a = Part10Reader.read(CT).dataset();
        for (TransferSyntax ts : TransferSyntax.uncompressed()) {
            Attributes back = DicomReader.read(new ByteArrayInputStream(encode(a, ts)), ts);
            assertEquals(a.size(), back.size(), ts.uid());
            assertEquals("CompressedSamples^CT1", back.getString(Tag.PatientName), ts.uid());
            assertArrayEquals(a.getBytes(Tag.PixelData), back.getBytes(Tag.PixelData), ts.uid());
        }
    }

    @Test
    void longShortHeaderValueIsWrittenAsUn() throws Exception {
        Attributes a = new Attributes();
        a.setString(Tag.PatientComments, VR.LT, "x".repeat(70_000));
        byte[] b = encode(a, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals('U', b[4]);
        assertEquals('N', b[5]);
        Attributes back = DicomReader.read(new ByteArrayInputStream(b), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(70_000, back.getBytes(Tag.PatientComments).length);
    }

    private static byte[] encode(Attributes a, TransferSyntax ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(a, out, ts);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
