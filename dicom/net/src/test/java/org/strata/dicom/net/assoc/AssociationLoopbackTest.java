package org.strata.dicom.net.assoc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.dicom.net.assoc.Fixtures.*;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.pdu.Abort;
import org.strata.dicom.net.pdu.AbortReason;
import org.strata.dicom.net.pdu.AbortSource;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.Pdv;
import org.strata.dicom.net.pdu.PresentationContextResult;
import org.strata.dicom.net.pdu.PresentationContextRq;
import org.strata.dicom.net.pdu.RejectReason;
import org.strata.dicom.net.pdu.RejectResult;
import org.strata.dicom.net.pdu.RoleSelection;
import org.strata.dicom.net.pdu.SopClassExtendedNegotiation;
import org.strata.dicom.net.pdu.UserIdentityRq;
import org.strata.dicom.net.pdu.UserInformation;

class AssociationLoopbackTest {

    private static final Timeouts FAST = Timeouts.DEFAULT.withRequest(Duration.ofMillis(500))
            .withRelease(Duration.ofSeconds(2));

    private NetRuntime runtime;
    private final Recorder scpSide = new Recorder();
    private volatile Association acceptorAssociation;
    private DicomListener listener;

    @BeforeEach
    void setUp() {
        runtime = new NetRuntime("test", 32);
    }

    @AfterEach
    void tearDown() {
        if (listener != null) {
            listener.close();
        }
        runtime.close();
    }

    private void listen(ListenerConfig config, AcceptorServices services) throws IOException {
        listener = DicomListener.start(config.withTimeouts(FAST), runtime, services);
    }

    private void listen(ApplicationEntityConfig ae) throws IOException {
        listen(ListenerConfig.of("127.0.0.1", 0, ae), AcceptorServices.of(this::acceptorUser));
    }

    private UpperLayerUser acceptorUser(Association a) {
        acceptorAssociation = a;
        return scpSide;
    }

    private Association open(org.strata.dicom.net.pdu.AssociateRq rq, Recorder user) throws IOException {
        return new AssociationRequestor(runtime, FAST, null).open(new RemoteAe(rq.calledAeTitle(), "127.0.0.1",
                listener.port()), rq, a -> user);
    }

    @Test
    void presentationContextsAreAcceptedOrRejectedWithTheirReason() throws IOException {
        listen(scp("STRATA"));
        Association as = open(request("STRATA", UserInformation.builder().build(),
                new PresentationContextRq(1, VERIFICATION, List.of(IVLE)),
                new PresentationContextRq(3, CT, List.of(JPEG, EVLE)),
                new PresentationContextRq(5, CT, List.of(JPEG)),
                new PresentationContextRq(7, "1.2.3.4.5", List.of(IVLE))), new Recorder());
        AssociateAc ac = as.accept();
        assertEquals(State.Sta6, as.state());
        assertEquals(IVLE, ac.presentationContext(1).orElseThrow().transferSyntax());
        assertEquals(EVLE, ac.presentationContext(3).orElseThrow().transferSyntax());
        assertEquals(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, ac.presentationContext(5).orElseThrow()
                .result());
        assertEquals(PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(7).orElseThrow()
                .result());
        assertEquals(UserInformation.IMPLEMENTATION_CLASS_UID, ac.userInformation().implementationClassUid());
        as.release();
        assertEquals("released", as.closeReason());
    }

    @Test
    void roleSelectionAnswersOnlyTheRolesWeSupport() throws IOException {
        listen(scp("STRATA"));
        UserInformation ui = UserInformation.builder().addRoleSelection(new RoleSelection(MR, false, true))
                .addRoleSelection(new RoleSelection(CT, true, true)).build();
        Association as = open(request("STRATA", ui, new PresentationContextRq(1, MR, List.of(IVLE)),
                new PresentationContextRq(3, CT, List.of(IVLE))), new Recorder());
        List<RoleSelection> roles = as.accept().userInformation().roleSelections();
        assertTrue(roles.contains(new RoleSelection(MR, false, true)), roles.toString());
        assertTrue(roles.contains(new RoleSelection(CT, true, false)), roles.toString());
        assertTrue(as.accept().presentationContext(1).orElseThrow().accepted(), "we are SCU of MR storage");
        as.release();
    }

    @Test
    void extendedNegotiationAndAsyncWindowAreAnswered() throws IOException {
        listen(ListenerConfig.of("127.0.0.1", 0, scp("STRATA")), AcceptorServices.of(this::acceptorUser)
                .withExtendedNegotiation((sop, info) -> sop.equals(CT)
                        ? Optional.of(new byte[] {(byte) (info[0] & 1), 0, (byte) (info[2] & 1)}) : Optional.empty())
                .withAsyncOpsWindow(new AsyncOpsWindow(4, 1)));
        UserInformation ui = UserInformation.builder().asyncOpsWindow(new AsyncOpsWindow(0, 8))
                .addExtendedNegotiation(new SopClassExtendedNegotiation(CT, new byte[] {1, 1, 3}))
                .addExtendedNegotiation(new SopClassExtendedNegotiation(MR, new byte[] {1})).build();
        Association as = open(request("STRATA", ui, new PresentationContextRq(1, CT, List.of(IVLE))), new Recorder());
        UserInformation ac = as.accept().userInformation();
        assertEquals(List.of(new SopClassExtendedNegotiation(CT, new byte[] {1, 0, 1})), ac.extendedNegotiations());
        assertEquals(new AsyncOpsWindow(4, 1), ac.asyncOpsWindow());
        as.release();
    }

    @Test
    void userIdentityIsVerifiedAndAnswered() throws IOException {
        listen(ListenerConfig.of("127.0.0.1", 0, scp("STRATA")), AcceptorServices.of(this::acceptorUser)
                .withIdentityVerifier(id -> id != null && id.primaryFieldAsString().equals("alice")
                        && new String(id.secondaryField()).equals("secret")
                        ? Optional.of("welcome".getBytes()) : Optional.empty()));
        UserInformation good = UserInformation.builder()
                .userIdentityRq(UserIdentityRq.usernamePasscode("alice", "secret".toCharArray(), true)).build();
        Association as = open(request("STRATA", good, new PresentationContextRq(1, VERIFICATION, List.of(IVLE))),
                new Recorder());
        assertArrayEquals("welcome".getBytes(), as.accept().userInformation().userIdentityServerResponse());
        as.release();

        UserInformation bad = UserInformation.builder()
                .userIdentityRq(UserIdentityRq.usernamePasscode("alice", "guess".toCharArray(), true)).build();
        AssociationRejectedException e = assertThrows(AssociationRejectedException.class, () -> open(
                request("STRATA", bad, new PresentationContextRq(1, VERIFICATION, List.of(IVLE))), new Recorder()));
        assertEquals(RejectResult.PERMANENT, e.reject().result());
        assertEquals(RejectReason.USER_NO_REASON, e.reject().reason());
        UserInformation none = UserInformation.builder().build();
        assertThrows(AssociationRejectedException.class, () -> open(
                request("STRATA", none, new PresentationContextRq(1, VERIFICATION, List.of(IVLE))), new Recorder()));
    }

    @Test
    void unknownCalledAeAndPerAeLimitAreRejected() throws Exception {
        ApplicationEntityConfig limited = new ApplicationEntityConfig("LIMITED", scp("X").transferCapabilities(),
                java.util.Set.of(), 1);
        listen(ListenerConfig.of("127.0.0.1", 0, scp("STRATA"), limited), AcceptorServices.of(this::acceptorUser));
        AssociationRejectedException unknown = assertThrows(AssociationRejectedException.class,
                () -> open(echoRequest("NOBODY"), new Recorder()));
        assertEquals(RejectReason.CALLED_AE_NOT_RECOGNIZED, unknown.reject().reason());

        Association first = open(echoRequest("LIMITED"), new Recorder());
        AssociationRejectedException busy = assertThrows(AssociationRejectedException.class,
                () -> open(echoRequest("LIMITED"), new Recorder()));
        assertEquals(RejectResult.TRANSIENT, busy.reject().result());
        assertEquals(RejectReason.LOCAL_LIMIT_EXCEEDED, busy.reject().reason());
        Association other = open(echoRequest("STRATA"), new Recorder());
        other.release();
        first.release();
        awaitNoConnections(); // the acceptor frees the slot when the requestor closes the connection
        Association again = open(echoRequest("LIMITED"), new Recorder());
        again.release();
    }

    @Test
    void pDataIsFragmentedToThePeersMaximumLength() throws IOException, InterruptedException {
        for (long max : new long[] {4096, 16384, 0}) {
            listen(ListenerConfig.of("127.0.0.1", 0, scp("STRATA")).withMaxPduLength(max),
                    AcceptorServices.of(this::acceptorUser));
            Association as = open(echoRequest("STRATA"), new Recorder());
            byte[] data = new byte[3_000_000];
            new Random(max).nextBytes(data);
            try (PDataOutputStream out = as.openPData(1, false)) {
                out.write(data);
            }
            byte[] received = scpSide.parts.poll(10, TimeUnit.SECONDS);
            assertArrayEquals(data, received);
            long limit = max == 0 ? PduLimits.UNLIMITED_SEND_LENGTH - 6 : max - 6;
            assertTrue(scpSide.pdvs.stream().allMatch(p -> p.length() <= limit), "PDV over " + limit);
            assertTrue(scpSide.pdvs.stream().anyMatch(p -> p.length() == limit), "PDVs filled to " + limit);
            as.release();
            listener.close();
            scpSide.pdvs.clear();
        }
        listener = null;
    }

    @Test
    void releaseIsIndicatedToTheAcceptor() throws Exception {
        listen(scp("STRATA"));
        Association as = open(echoRequest("STRATA"), new Recorder());
        as.release();
        assertEquals(State.Sta1, as.state());
        assertNotNull(scpSide.releaseIndications.poll(5, TimeUnit.SECONDS));
        assertNotNull(scpSide.closes.poll(5, TimeUnit.SECONDS));
        assertEquals("released", acceptorAssociation.closeReason());
    }

    @Test
    void abortIsIndicatedToThePeer() throws Exception {
        listen(scp("STRATA"));
        Association as = open(echoRequest("STRATA"), new Recorder());
        as.abort();
        assertNotNull(scpSide.closes.poll(5, TimeUnit.SECONDS));
        assertEquals("A-ABORT by peer", acceptorAssociation.closeReason());
        as.awaitClosed(Duration.ofSeconds(5));
    }

    @Test
    void releaseCollisionOnTheRequestorSide() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Recorder user = new Recorder();
            java.util.concurrent.CompletableFuture<Association> opened = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return new AssociationRequestor(runtime, FAST, null).open(
                                    new RemoteAe("RAW", "127.0.0.1", server.getLocalPort()), echoRequest("RAW"),
                                    a -> user);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            try (RawPeer peer = RawPeer.accept(server)) {
                org.strata.dicom.net.pdu.AssociateRq rq = (org.strata.dicom.net.pdu.AssociateRq) peer.read();
                peer.send(new Negotiator(scp("RAW"), 16384, AsyncOpsWindow.SYNCHRONOUS,
                        UserIdentityVerifier.ACCEPT_ALL, ExtendedNegotiationPolicy.NONE).negotiate(rq));
                Association as = opened.get(5, TimeUnit.SECONDS);
                java.util.concurrent.Future<?> release = runtime.executor().submit(() -> {
                    as.release();
                    return null;
                });
                assertInstanceOf(org.strata.dicom.net.pdu.ReleaseRq.class, peer.read());
                peer.send(new org.strata.dicom.net.pdu.ReleaseRq());          // collision: we are Sta9
                assertInstanceOf(org.strata.dicom.net.pdu.ReleaseRp.class, peer.read()); // AR-9, now Sta11
                peer.send(new org.strata.dicom.net.pdu.ReleaseRp());          // AR-3: closed
                release.get(5, TimeUnit.SECONDS);
                assertEquals(State.Sta1, as.state());
                assertEquals("released", as.closeReason());
                assertNotNull(user.releaseIndications.poll(1, TimeUnit.SECONDS));
                assertTrue(peer.closedByPeer());
            }
        }
    }

    @Test
    void releaseCollisionOnTheAcceptorSide() throws Exception {
        listen(scp("STRATA"));
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            peer.send(echoRequest("STRATA"));
            assertInstanceOf(AssociateAc.class, peer.read());
            java.util.concurrent.Future<?> release = runtime.executor().submit(() -> {
                acceptorAssociation.release();
                return null;
            });
            assertInstanceOf(org.strata.dicom.net.pdu.ReleaseRq.class, peer.read());
            peer.send(new org.strata.dicom.net.pdu.ReleaseRq());   // collision: acceptor goes to Sta10
            peer.send(new org.strata.dicom.net.pdu.ReleaseRp());   // requestor's AR-9; acceptor AR-10, Sta12
            assertInstanceOf(org.strata.dicom.net.pdu.ReleaseRp.class, peer.read()); // AR-4, Sta13
            peer.close();                                          // Evt17 in Sta13: AR-5
            release.get(5, TimeUnit.SECONDS);
            assertEquals(State.Sta1, acceptorAssociation.state());
            assertEquals("released", acceptorAssociation.closeReason());
        }
    }

    @Test
    void artimClosesAConnectionThatSendsNoAssociateRequest() throws Exception {
        listen(scp("STRATA"));
        long start = System.nanoTime();
        try (RawPeer silent = RawPeer.connect(listener.port()); RawPeer slow = RawPeer.connect(listener.port())) {
            slow.sendRaw(new byte[] {1, 0, 0, 0}); // half a PDU header, then nothing (slowloris)
            assertTrue(silent.closedByPeer());
            assertTrue(slow.closedByPeer());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 400, "closed after " + millis + " ms, before ARTIM");
        awaitNoConnections();
    }

    @Test
    void artimClosesAfterRejectWhenThePeerDoesNotClose() throws Exception {
        listen(scp("STRATA"));
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            peer.send(echoRequest("WRONG"));
            assertInstanceOf(org.strata.dicom.net.pdu.AssociateRj.class, peer.read());
            assertTrue(peer.closedByPeer()); // AE-8 started ARTIM; Evt18 in Sta13: AA-2
        }
        awaitNoConnections();
    }

    @Test
    void unexpectedPduIsAnsweredWithProviderAbort() throws Exception {
        listen(scp("STRATA"));
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            peer.send(echoRequest("STRATA"));
            assertInstanceOf(AssociateAc.class, peer.read());
            peer.send(echoRequest("STRATA")); // Evt6 in Sta6: AA-8
            org.strata.dicom.net.pdu.Abort abort = (org.strata.dicom.net.pdu.Abort) peer.read();
            assertEquals(org.strata.dicom.net.pdu.AbortSource.SERVICE_PROVIDER, abort.source());
            assertEquals(org.strata.dicom.net.pdu.AbortReason.UNEXPECTED_PDU, abort.reason());
            assertTrue(peer.closedByPeer());
        }
        awaitNoConnections();
        assertNull(scpSide.releaseIndications.poll());
    }

    private final java.util.concurrent.CountDownLatch echoRelease = new java.util.concurrent.CountDownLatch(1);

    /** An SCP whose C-ECHO handler waits for {@link #echoRelease}, offering {@code window}. */
    private void listenWithBlockedEcho(AsyncOpsWindow window) throws IOException {
        DimseServiceRegistry registry = new DimseServiceRegistry().register(VERIFICATION, rq -> {
            try {
                echoRelease.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DimseResponse.SUCCESS;
        });
        listen(ListenerConfig.of("127.0.0.1", 0, scp("STRATA")),
                AcceptorServices.of(DimseChannel.factory(registry, runtime)).withAsyncOpsWindow(window));
    }

    /** A raw peer associated for Verification, proposing {@code proposed} (none if null). */
    private AssociateAc associate(RawPeer peer, AsyncOpsWindow proposed) throws IOException {
        UserInformation ui = proposed == null ? UserInformation.builder().build()
                : UserInformation.builder().asyncOpsWindow(proposed).build();
        peer.send(request("STRATA", ui, new PresentationContextRq(1, VERIFICATION, List.of(IVLE))));
        return assertInstanceOf(AssociateAc.class, peer.read());
    }

    private static PDataTf echoRq(int messageId) {
        byte[] cmd = new Command().set(CommandElement.CommandField, CommandField.C_ECHO_RQ.code())
                .set(CommandElement.MessageID, messageId).set(CommandElement.AffectedSOPClassUID, VERIFICATION)
                .set(CommandElement.CommandDataSetType, Command.NO_DATA_SET).encode();
        return new PDataTf(List.of(Pdv.of(1, Pdv.MessagePart.COMMAND, true, cmd)));
    }

    private static Command response(RawPeer peer) throws Exception {
        PDataTf p = assertInstanceOf(PDataTf.class, peer.read());
        return Command.decode(p.pdvs().get(0).data());
    }

    /** Sends {@code requests} C-ECHO-RQs without waiting; expects A-ABORT for the window and the close. */
    private void assertRequestsAreAborted(RawPeer peer, int requests) throws Exception {
        try {
            for (int id = 1; id <= requests; id++) {
                peer.send(echoRq(id));
            }
            Abort abort = assertInstanceOf(Abort.class, peer.read());
            assertEquals(AbortSource.SERVICE_PROVIDER, abort.source());
            assertEquals(AbortReason.UNEXPECTED_PDU_PARAMETER, abort.reason());
            assertTrue(peer.closedByPeer());
        } finally {
            echoRelease.countDown();
            peer.close();
        }
        awaitNoConnections();
    }

    @Test
    void requestsWithinTheNegotiatedAsyncOpsWindowAreAllServed() throws Exception {
        listenWithBlockedEcho(new AsyncOpsWindow(2, 1));
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            assertEquals(new AsyncOpsWindow(2, 1), associate(peer, new AsyncOpsWindow(3, 1)).userInformation()
                    .asyncOpsWindow());
            peer.send(echoRq(1));
            peer.send(echoRq(2)); // two outstanding: the window
            echoRelease.countDown();
            java.util.Set<Integer> answered = new java.util.HashSet<>();
            for (int i = 0; i < 2; i++) {
                Command rsp = response(peer);
                assertEquals(Status.SUCCESS, rsp.status());
                answered.add(rsp.messageIdBeingRespondedTo());
            }
            assertEquals(java.util.Set.of(1, 2), answered);
            peer.send(echoRq(3)); // the window is free again
            assertEquals(3, response(peer).messageIdBeingRespondedTo());
        }
    }

    @Test
    void requestBeyondTheNegotiatedAsyncOpsWindowAbortsTheAssociation() throws Exception {
        listenWithBlockedEcho(new AsyncOpsWindow(2, 1));
        RawPeer peer = RawPeer.connect(listener.port());
        associate(peer, new AsyncOpsWindow(2, 1));
        assertRequestsAreAborted(peer, 3); // a third outstanding request: PS3.7 D.3.3.3 violated
    }

    @Test
    void secondOutstandingRequestWithoutANegotiatedWindowAbortsTheAssociation() throws Exception {
        listenWithBlockedEcho(new AsyncOpsWindow(8, 8));
        RawPeer peer = RawPeer.connect(listener.port());
        assertNull(associate(peer, null).userInformation().asyncOpsWindow()); // synchronous: one at a time
        assertRequestsAreAborted(peer, 2);
    }

    private void awaitNoConnections() throws InterruptedException {
        for (int i = 0; i < 200 && listener.activeConnections() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, listener.activeConnections());
    }
}
