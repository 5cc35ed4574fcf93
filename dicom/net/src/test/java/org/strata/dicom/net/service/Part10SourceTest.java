package org.strata.dicom.net.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.LoopbackScp;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.UserInformation;

/**
 * A Part 10 file sent as it is: the data set read from the file straight into batches of P-DATA-TF
 * PDUs must arrive byte for byte, whatever its length against the PDU size (one fragment, exactly
 * one PDU, one byte pair more, whole batches of PDUs and a tail).
 */
class Part10SourceTest {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    /** The SCP announces 16 KiB: the SCU sends PDVs of 16384 - 6 bytes (PS3.8 9.3.5). */
    static final int MAX_PDU = 16384;
    static final int CHUNK = MAX_PDU - 6;

    @TempDir
    Path dir;
    private LoopbackScp scp;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        scp = new LoopbackScp(DimseServiceRegistry.withEcho().register(DimseServiceRegistry.ANY,
                new StorageDirectory(dir.resolve("in"))), MAX_PDU, new AsyncOpsWindow(1, 1));
    }

    @AfterEach
    void tearDown() {
        scp.close();
    }

    @Test
    void dataSetsOfEveryLengthAgainstThePduSizeArriveByteForByte() throws IOException {
        int[] lengths = {200, CHUNK - 2, CHUNK, CHUNK + 2, 15 * CHUNK, 15 * CHUNK + 2, 16 * CHUNK, 40 * CHUNK + 100};
        try (DimseClient c = scp.open(UserInformation.builder().build(), CT)) {
            for (int i = 0; i < lengths.length; i++) {
                String iuid = "1.2.3." + (i + 1);
                Path file = part10(iuid, lengths[i], new Random(i));
                Part10Source s = Part10Source.open(file);
                assertEquals(iuid, s.sopInstanceUid());
                assertEquals(Status.SUCCESS, c.store(StoreRequest.of(s.sopClassUid(), s.sopInstanceUid(),
                        s.transferSyntax()), s.dataSet()).status(), "data set of " + lengths[i] + " bytes");
                // the receiver writes the same meta information, so the whole file must be equal
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(dir.resolve("in/" + iuid + ".dcm")),
                        "data set of " + lengths[i] + " bytes");
            }
        }
    }

    /** A Part 10 file in Implicit VR Little Endian whose data set is exactly {@code length} bytes. */
    private Path part10(String iuid, int length, Random random) throws IOException {
        ByteArrayOutputStream ds = new ByteArrayOutputStream();
        element(ds, 0x0008, 0x0016, uid(CT));
        element(ds, 0x0008, 0x0018, uid(iuid));
        byte[] pixels = new byte[length - ds.size() - 8];
        random.nextBytes(pixels);
        element(ds, 0x7FE0, 0x0010, pixels);
        assertEquals(length, ds.size());
        Path file = dir.resolve(iuid + ".src.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                    .writeDataset(FileMetaInformation.create(CT, iuid, LoopbackScp.IVLE));
            ds.writeTo(out);
        }
        return file;
    }

    private static byte[] uid(String uid) {
        return (uid.length() % 2 == 0 ? uid : uid + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** Implicit VR Little Endian data element (PS3.5 7.1.3): tag, 32-bit length, value. */
    private static void element(ByteArrayOutputStream out, int group, int element, byte[] value) {
        int[] le = {group, group >> 8, element, element >> 8, value.length, value.length >> 8, value.length >> 16,
            value.length >> 24};
        for (int b : le) {
            out.write(b);
        }
        out.writeBytes(value);
    }
}
