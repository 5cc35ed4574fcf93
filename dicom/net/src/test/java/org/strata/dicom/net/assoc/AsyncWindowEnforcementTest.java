package org.strata.dicom.net.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.pdu.Abort;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.Pdv;

/**
 * PS3.7 D.3.3.3 on the SCP side: a requestor that negotiated no asynchronous operations window (so
 * one outstanding operation) and invokes a second operation before the first is answered is aborted;
 * one that waits for each response is served.
 */
class AsyncWindowEnforcementTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private NetRuntime runtime;
    private DicomListener listener;

    @BeforeEach
    void setUp() throws IOException {
        runtime = new NetRuntime("window-test", 16);
        DimseServiceRegistry registry = new DimseServiceRegistry().register(Fixtures.VERIFICATION, rq -> {
            try {
                release.await(10, TimeUnit.SECONDS); // holds the first echo outstanding until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DimseResponse.SUCCESS;
        });
        listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, Fixtures.scp("STRATA")), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        listener.close();
        runtime.close();
    }

    private static Pdu echo(int messageId) {
        Command c = new Command().set(CommandElement.CommandField, CommandField.C_ECHO_RQ.code())
                .set(CommandElement.AffectedSOPClassUID, Fixtures.VERIFICATION)
                .set(CommandElement.MessageID, messageId).set(CommandElement.CommandDataSetType, Command.NO_DATA_SET);
        return new PDataTf(List.of(Pdv.of(1, Pdv.MessagePart.COMMAND, true, c.encode())));
    }

    private RawPeer associate() throws IOException {
        RawPeer peer = RawPeer.connect(listener.port());
        peer.send(Fixtures.echoRequest("STRATA"));
        AssociateAc ac = assertInstanceOf(AssociateAc.class, peer.read());
        assertEquals(null, ac.userInformation().asyncOpsWindow(), "no window negotiated: one operation at a time");
        return peer;
    }

    @Test
    void secondOutstandingRequestIsAborted() throws Exception {
        try (RawPeer peer = associate()) {
            peer.send(echo(1));
            peer.send(echo(2)); // the first is still being performed
            Pdu answer = peer.read();
            assertInstanceOf(Abort.class, answer, "expected A-ABORT, got " + answer);
        } // we close the transport (PS3.8 Sta13: the aborting side waits for that, or for ARTIM)
        release.countDown();
        try (RawPeer next = associate()) { // the listener keeps serving everyone else
            next.send(echo(1));
            assertInstanceOf(PDataTf.class, next.read());
        }
    }

    @Test
    void requestsOneAfterTheOtherAreServed() throws Exception {
        release.countDown();
        try (RawPeer peer = associate()) {
            for (int id = 1; id <= 3; id++) {
                peer.send(echo(id));
                PDataTf rsp = assertInstanceOf(PDataTf.class, peer.read());
                Command c = Command.decode(rsp.pdvs().get(0).data());
                assertEquals(CommandField.C_ECHO_RSP, c.commandField());
                assertEquals(id, c.messageIdBeingRespondedTo());
                assertEquals(Status.SUCCESS, c.getInt(CommandElement.Status, -1));
            }
        }
    }
}
