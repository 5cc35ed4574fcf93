package org.strata.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.UserInformation;

/** A {@link SinkService}'s data sets are written, and its handler run, by the association's reader thread. */
class SinkServiceLoopbackTest {

    static final String IVLE = LoopbackScp.IVLE;
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    /** Records the bytes, the writing threads, and whether it was kept or abandoned. */
    static final class RecordingSink implements DataSetSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Set<Thread> writers = ConcurrentHashMap.newKeySet();
        final CountDownLatch abandoned = new CountDownLatch(1);
        final int failAfter;
        volatile boolean kept;

        RecordingSink(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    writers.add(Thread.currentThread());
                    if (bytes.size() + len > failAfter) {
                        throw new IOException("disk full");
                    }
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public void abandon() {
            if (!kept) {
                abandoned.countDown();
            }
        }
    }

    private LoopbackScp scp;
    private final List<RecordingSink> sinks = new CopyOnWriteArrayList<>();
    private final List<Thread> handlerThreads = new CopyOnWriteArrayList<>();
    private final List<byte[]> streamed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        SinkService service = new SinkService() {
            @Override
            public DataSetSink openSink(DimseRequestContext rq) {
                if (rq.sopInstanceUid().startsWith("1.2.3.stream")) {
                    return null;
                }
                RecordingSink s = new RecordingSink(rq.sopInstanceUid().startsWith("1.2.3.full") ? 50_000
                        : Integer.MAX_VALUE);
                sinks.add(s);
                return s;
            }

            @Override
            public DimseResponse handle(DimseRequestContext rq) throws DimseException, IOException {
                handlerThreads.add(Thread.currentThread());
                if (rq.sink() == null) {
                    streamed.add(rq.dataSet().readAllBytes());
                    return DimseResponse.SUCCESS;
                }
                if (rq.sinkFailure() != null) {
                    throw new DimseException(Status.OUT_OF_RESOURCES, rq.sinkFailure().getMessage());
                }
                ((RecordingSink) rq.sink()).kept = true;
                return DimseResponse.SUCCESS;
            }
        };
        scp = new LoopbackScp(DimseServiceRegistry.withEcho().register(CT, service), 4096, new AsyncOpsWindow(8, 8));
    }

    @AfterEach
    void tearDown() {
        scp.close();
    }

    private DimseClient open(UserInformation ui) throws IOException {
        return scp.open(ui, DimseServiceRegistry.VERIFICATION, CT);
    }

    private static byte[] random(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void readerThreadWritesTheDataSetThenRunsTheHandlerOnceItIsComplete() throws IOException {
        byte[] data = random(1_000_000, 1); // about 250 PDVs of the 4 KB PDUs we announce
        try (DimseClient c = open(UserInformation.builder().build())) {
            DimseRsp rsp = c.store(StoreRequest.of(CT, "1.2.3.4", IVLE), DataWriter.of(data));
            assertEquals(Status.SUCCESS, rsp.status());
            assertEquals("1.2.3.4", rsp.command().getString(CommandElement.AffectedSOPInstanceUID));
        }
        assertEquals(1, sinks.size());
        RecordingSink s = sinks.get(0);
        assertArrayEquals(data, s.bytes.toByteArray());
        assertTrue(s.kept);
        assertEquals(1, s.writers.size(), "every PDV written by the one reader thread");
        assertEquals(1, handlerThreads.size());
        assertEquals(s.writers.iterator().next(), handlerThreads.get(0), "no hand-over to another thread");
        assertTrue(streamed.isEmpty());
    }

    @Test
    void asynchronousStoresEachGetTheirOwnSink() throws Exception {
        UserInformation ui = UserInformation.builder().asyncOpsWindow(new AsyncOpsWindow(4, 4)).build();
        try (DimseClient c = open(ui)) {
            List<Invocation> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(c.storeAsync(StoreRequest.of(CT, "1.2.3." + i, IVLE), DataWriter.of(random(20_000, i))));
            }
            for (Invocation inv : sent) {
                assertEquals(Status.SUCCESS, c.await(inv).status());
            }
        }
        assertEquals(12, sinks.size());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(random(20_000, i), sinks.get(i).bytes.toByteArray());
        }
    }

    @Test
    void aFailingSinkAnswersTheHandlersStatusAndTheAssociationGoesOn() throws IOException {
        try (DimseClient c = open(UserInformation.builder().build())) {
            DimseRsp full = c.store(StoreRequest.of(CT, "1.2.3.full", IVLE), DataWriter.of(random(200_000, 2)));
            assertEquals(Status.OUT_OF_RESOURCES, full.status());
            assertEquals("disk full", full.errorComment());
            assertTrue(sinks.get(0).bytes.size() <= 50_000);
            assertEquals(0, sinks.get(0).abandoned.getCount(), "a sink the handler did not keep is abandoned");
            assertEquals(Status.SUCCESS, c.store(StoreRequest.of(CT, "1.2.3.5", IVLE),
                    DataWriter.of(random(30_000, 3))).status());
        }
        assertArrayEquals(random(30_000, 3), sinks.get(1).bytes.toByteArray());
    }

    @Test
    void withoutASinkTheDataSetIsStreamed() throws IOException {
        byte[] data = random(100_000, 4);
        try (DimseClient c = open(UserInformation.builder().build())) {
            assertEquals(Status.SUCCESS, c.store(StoreRequest.of(CT, "1.2.3.stream", IVLE), DataWriter.of(data)).status());
        }
        assertTrue(sinks.isEmpty());
        assertArrayEquals(data, streamed.get(0));
    }

    @Test
    void anAssociationEndingMidDataSetAbandonsTheSinkWithoutRunningTheHandler() throws Exception {
        try (DimseClient c = open(UserInformation.builder().build())) {
            assertThrows(IOException.class, () -> c.store(StoreRequest.of(CT, "1.2.3.cut", IVLE), out -> {
                out.write(random(100_000, 5));
                out.flush();
                throw new IOException("sender gives up");
            }));
        }
        assertTrue(waitForSink(), "a sink was opened");
        assertTrue(sinks.get(0).abandoned.await(10, TimeUnit.SECONDS), "the partial data set was abandoned");
        assertTrue(handlerThreads.isEmpty(), "no handler for a data set that never completed");
    }

    private boolean waitForSink() throws InterruptedException {
        for (int i = 0; i < 1000 && sinks.isEmpty(); i++) {
            Thread.sleep(10);
        }
        return !sinks.isEmpty();
    }
}
