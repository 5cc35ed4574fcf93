package org.strata.dicom.net.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.LoopbackScp;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.UserInformation;

/** The storescp service: complete files renamed into place, nothing left of a data set cut short. */
class StorageDirectoryTest {

    static final String IVLE = LoopbackScp.IVLE;
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;
    private LoopbackScp scp;

    @BeforeEach
    void setUp() throws IOException {
        scp = new LoopbackScp(DimseServiceRegistry.withEcho().register(DimseServiceRegistry.ANY,
                new StorageDirectory(dir)), 16384, new AsyncOpsWindow(1, 1));
    }

    @AfterEach
    void tearDown() {
        scp.close();
    }

    private DimseClient open() throws IOException {
        return scp.open(UserInformation.builder().build(), CT);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesPart10FilesEndingWithTheDataSetAsReceived() throws IOException {
        byte[] data = new byte[600_000];
        new Random(7).nextBytes(data);
        try (DimseClient c = open()) {
            assertEquals(Status.SUCCESS, c.store(StoreRequest.of(CT, "1.2.3.4", IVLE), DataWriter.of(data)).status());
            assertEquals(Status.SUCCESS, c.store(StoreRequest.of(CT, "1.2.3.5", IVLE), DataWriter.of(data)).status());
            assertEquals(Status.INVALID_ARGUMENT_VALUE, c.store(StoreRequest.of(CT, "1.2.x", IVLE),
                    DataWriter.of(data)).status());
        }
        assertEquals(List.of("1.2.3.4.dcm", "1.2.3.5.dcm"), names());
        byte[] file = Files.readAllBytes(dir.resolve("1.2.3.4.dcm"));
        assertEquals("DICM", new String(file, 128, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(data, Arrays.copyOfRange(file, file.length - data.length, file.length));
    }

    @Test
    void aDataSetCutShortLeavesNoFile() throws Exception {
        try (DimseClient c = open()) {
            assertThrows(IOException.class, () -> c.store(StoreRequest.of(CT, "1.2.3.6", IVLE), out -> {
                out.write(new byte[200_000]);
                throw new IOException("sender gives up");
            }));
        }
        // the SCP may read the command only after the client has given up: wait until it has ended
        // the association (onClose abandons the partial file) rather than for an empty directory
        assertTrue(scp.awaitIdle(10_000), "the SCP still serves the aborted association");
        assertEquals(List.of(), names());
    }
}
