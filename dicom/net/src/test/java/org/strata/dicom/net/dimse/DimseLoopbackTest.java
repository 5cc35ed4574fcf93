package org.strata.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.assoc.ReadMode;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.UserInformation;

class DimseLoopbackTest {

    static final String IVLE = AssociateRqBuilder.IMPLICIT_VR_LE;
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String STGCMT = "1.2.840.10008.1.20.1";
    static final String UNSERVED = "1.2.840.10008.5.1.4.1.1.4";

    private NetRuntime runtime;
    private DicomListener listener;
    private final DimseServiceRegistry registry = DimseServiceRegistry.withEcho();
    private final List<byte[]> stored = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelSeen = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws IOException {
        runtime = new NetRuntime("dimse-test", 32);
        registry.register(CT, rq -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            rq.dataSet().transferTo(b);
            stored.add(b.toByteArray());
            if (rq.sopInstanceUid().equals("1.2.3.full")) {
                throw new DimseException(Status.OUT_OF_RESOURCES, "disk full");
            }
            if (rq.sopInstanceUid().equals("1.2.3.bug")) {
                throw new IllegalStateException("handler bug");
            }
            if (rq.sopInstanceUid().equals("1.2.3.abort")) {
                rq.association().abort();
            }
            if (rq.sopInstanceUid().equals("1.2.3.slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return DimseResponse.SUCCESS;
        });
        registry.register(STUDY_FIND, rq -> {
            byte[] identifier = rq.readDataSet();
            for (int i = 0; i < 3; i++) {
                rq.sendPending(DataWriter.of(identifier));
            }
            if (rq.command().getInt(CommandElement.Priority, 0) == Priority.LOW.code()) {
                for (int i = 0; i < 500 && !rq.cancelled(); i++) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("find interrupted");
                    }
                }
                if (rq.cancelled()) {
                    cancelSeen.countDown();
                    return DimseResponse.of(Status.CANCEL);
                }
            }
            return DimseResponse.SUCCESS;
        });
        registry.register(STGCMT, rq -> {
            if (rq.commandField() != CommandField.N_ACTION_RQ
                    || rq.command().getInt(CommandElement.ActionTypeID, 0) != 1) {
                throw new DimseException(Status.UNRECOGNIZED_OPERATION, "only N-ACTION type 1");
            }
            return DimseResponse.SUCCESS.withDataSet(DataWriter.of(rq.readDataSet()));
        });
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STRATA", List.of(
                new TransferCapability("*", Role.SCP, List.of(IVLE))));
        listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae).withMaxPduLength(4096), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)).withAsyncOpsWindow(new AsyncOpsWindow(8, 8)));
    }

    @AfterEach
    void tearDown() {
        listener.close();
        runtime.close();
    }

    private DimseClient open(UserInformation ui) throws IOException {
        return DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1", listener.port()), request(ui),
                Timeouts.DEFAULT, null, new DimseServiceRegistry());
    }

    private AssociateRq request(UserInformation ui) {
        return new AssociateRqBuilder("TESTSCU", "STRATA").addContext(DimseServiceRegistry.VERIFICATION, IVLE)
                .addContext(CT, IVLE).addContext(STUDY_FIND, IVLE).addContext(STGCMT, IVLE)
                .addContext(UNSERVED, IVLE).userInformation(ui).build();
    }

    /** {@link ReadMode#CALLER} on its own runtime, so that its threads can be counted. */
    private DimseClient openCallerReads(NetRuntime own, Timeouts timeouts) throws IOException {
        return DimseClient.open(own, new RemoteAe("STRATA", "127.0.0.1", listener.port()),
                request(UserInformation.builder().build()), timeouts, null, new DimseServiceRegistry(),
                ReadMode.CALLER);
    }

    @Test
    void callerReadModeStoresOnTheCallingThreadOnly() throws IOException {
        byte[] large = new byte[50_000]; // 13 PDUs of the listener's 4096 bytes
        byte[] small = new byte[100];    // one PDU, which leaves in one write with its command
        new Random(2).nextBytes(large);
        new Random(3).nextBytes(small);
        try (NetRuntime own = new NetRuntime("caller-test", 4)) {
            DimseClient c = openCallerReads(own, Timeouts.DEFAULT);
            assertEquals(ReadMode.CALLER, c.association().readMode());
            for (int i = 0; i < 5; i++) {
                byte[] data = i % 2 == 0 ? large : small;
                DimseRsp rsp = c.store(StoreRequest.of(CT, "1.2.3.c" + i, IVLE), DataWriter.of(data));
                assertEquals(Status.SUCCESS, rsp.status());
                assertEquals("1.2.3.c" + i, rsp.command().getString(CommandElement.AffectedSOPInstanceUID));
                assertArrayEquals(data, stored.get(i));
                assertEquals(0, own.activeThreads(), "no reader thread: the caller read the response");
            }
            assertEquals(Status.OUT_OF_RESOURCES, c.store(StoreRequest.of(CT, "1.2.3.full", IVLE),
                    DataWriter.of(small)).status());
            assertEquals(Status.SUCCESS, c.echo().status());
            c.close();
            assertEquals(org.strata.dicom.net.assoc.State.Sta1, c.association().state());
            assertEquals("released", c.association().closeReason());
        }
    }

    @Test
    void callerReadModeGivesUpAfterTheResponseTimeout() throws IOException {
        Timeouts t = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMillis(500));
        try (NetRuntime own = new NetRuntime("caller-test", 4)) {
            DimseClient c = openCallerReads(own, t);
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> c.store(StoreRequest.of(CT, "1.2.3.slow", IVLE), DataWriter.of(new byte[10])));
            assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "gave up before the handler answered");
            assertTrue(e.getMessage().contains("no response within"), e.getMessage());
            assertFalse(c.association().established());
            assertTrue(c.association().closeFuture().isDone(), "closed and told");
        }
    }

    @Test
    void callerReadModeSeesThePeersAbort() throws IOException {
        try (NetRuntime own = new NetRuntime("caller-test", 4)) {
            DimseClient c = openCallerReads(own, Timeouts.DEFAULT);
            assertEquals(Status.SUCCESS, c.echo().status());
            IOException e = assertThrows(IOException.class,
                    () -> c.store(StoreRequest.of(CT, "1.2.3.abort", IVLE), DataWriter.of(new byte[10])));
            assertTrue(e.getMessage().contains("A-ABORT by peer"), e.getMessage());
            assertFalse(c.association().established());
            assertTrue(c.association().closeFuture().isDone(), "closed and told");
        }
    }

    private DimseClient open() throws IOException {
        return open(UserInformation.builder().build());
    }

    @Test
    void echo() throws IOException {
        try (DimseClient c = open()) {
            DimseRsp rsp = c.echo();
            assertEquals(Status.SUCCESS, rsp.status());
            assertEquals(CommandField.C_ECHO_RSP, rsp.command().commandField());
            assertEquals(DimseServiceRegistry.VERIFICATION, rsp.command().getString(CommandElement.AffectedSOPClassUID));
        }
    }

    @Test
    void storeStreamsTheDataSetToTheHandler() throws IOException {
        byte[] data = new byte[5_000_000];
        new Random(1).nextBytes(data);
        try (DimseClient c = open()) {
            DimseRsp rsp = c.store(StoreRequest.of(CT, "1.2.3.4", IVLE), DataWriter.of(data));
            assertEquals(Status.SUCCESS, rsp.status());
            assertEquals("1.2.3.4", rsp.command().getString(CommandElement.AffectedSOPInstanceUID));
            assertArrayEquals(data, stored.get(0));
        }
    }

    @Test
    void handlerStatusesReachTheRequestor() throws IOException {
        try (DimseClient c = open()) {
            DimseRsp full = c.store(StoreRequest.of(CT, "1.2.3.full", IVLE), DataWriter.of(new byte[100]));
            assertEquals(Status.OUT_OF_RESOURCES, full.status());
            assertEquals("disk full", full.errorComment());
            assertEquals(Status.PROCESSING_FAILURE, c.store(StoreRequest.of(CT, "1.2.3.bug", IVLE),
                    DataWriter.of(new byte[10])).status());
            assertEquals(Status.SOP_CLASS_NOT_SUPPORTED, c.store(StoreRequest.of(UNSERVED, "1.2.3.5", IVLE),
                    DataWriter.of(new byte[10])).status());
            assertEquals(Status.SUCCESS, c.echo().status(), "association still usable");
        }
    }

    @Test
    void asynchronousStoresWithinTheNegotiatedWindow() throws Exception {
        UserInformation ui = UserInformation.builder().asyncOpsWindow(new AsyncOpsWindow(4, 4)).build();
        try (DimseClient c = open(ui)) {
            assertEquals(new AsyncOpsWindow(4, 4), c.association().accept().userInformation().asyncOpsWindow());
            List<Invocation> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(c.storeAsync(StoreRequest.of(CT, "1.2.3." + i, IVLE), DataWriter.of(new byte[20_000])));
            }
            for (Invocation inv : sent) {
                assertEquals(Status.SUCCESS, c.await(inv).status());
            }
            assertEquals(20, stored.size());
        }
    }

    @Test
    void findDeliversPendingMatchesThenTheFinalStatus() throws IOException {
        byte[] identifier = {0x10, 0, 0x10, 0, 4, 0, 0, 0, 'D', 'O', 'E', '^'};
        List<DimseRsp> pending = new CopyOnWriteArrayList<>();
        try (DimseClient c = open()) {
            Invocation inv = c.findAsync(STUDY_FIND, IVLE, Priority.MEDIUM, DataWriter.of(identifier), pending::add);
            DimseRsp fin = c.await(inv);
            assertEquals(Status.SUCCESS, fin.status());
            assertEquals(3, pending.size());
            for (DimseRsp p : pending) {
                assertEquals(Status.PENDING, p.status());
                assertArrayEquals(identifier, p.dataSet());
                assertEquals(inv.messageId(), p.command().messageIdBeingRespondedTo());
            }
        }
    }

    @Test
    void cancelEndsAFindWithCancelStatus() throws Exception {
        AtomicInteger pending = new AtomicInteger();
        try (DimseClient c = open()) {
            Invocation inv = c.findAsync(STUDY_FIND, IVLE, Priority.LOW, DataWriter.of(new byte[0]),
                    r -> pending.incrementAndGet());
            while (pending.get() < 3) {
                Thread.sleep(5);
            }
            c.cancel(inv);
            assertEquals(Status.CANCEL, c.await(inv).status());
            assertTrue(cancelSeen.await(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void nActionAndUnrecognizedNOperation() throws IOException {
        try (DimseClient c = open()) {
            byte[] payload = {8, 0, 0x50, 0, 2, 0, 0, 0, 'A', ' '};
            DimseRsp rsp = c.await(c.nAsync(NRequest.of(CommandField.N_ACTION_RQ, STGCMT, "1.2.840.10008.1.20.1.1")
                    .withTypeId(1), DataWriter.of(payload)));
            assertEquals(Status.SUCCESS, rsp.status());
            assertEquals(CommandField.N_ACTION_RSP, rsp.command().commandField());
            assertEquals("1.2.840.10008.1.20.1.1", rsp.command().getString(CommandElement.AffectedSOPInstanceUID));
            assertArrayEquals(payload, rsp.dataSet());
            DimseRsp del = c.await(c.nAsync(NRequest.of(CommandField.N_DELETE_RQ, STGCMT, "1.2.3"), null));
            assertEquals(Status.UNRECOGNIZED_OPERATION, del.status());
        }
    }
}
