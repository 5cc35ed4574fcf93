package org.strata.ejb.outbound;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.strata.ejb.ae.RemoteAEConfig;
import org.strata.hsm.migrate.Backoff;
import org.strata.ejb.ae.RemoteAEService;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.DicomConnection;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.RemoteTarget;

/**
 * Sends the queued DIMSE-N requests through the adapter's {@link DicomConnector}: per destination
 * the oldest pending task first (an MPPS N-SET never overtakes its N-CREATE), retried with
 * back-off while the destination is unreachable, given up after the give-up time.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboundDispatcher.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    OutboundTasks tasks;

    @EJB
    OutboundQueue queue;

    @EJB
    RemoteAEService aes;

    @Resource(lookup = DicomConnector.JNDI_NAME)
    DicomConnector connector;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void dispatch() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (OutboundTask t : tasks.dueHeads()) {
                send(t);
            }
        } finally {
            running.set(false);
        }
    }

    private void send(OutboundTask t) {
        try {
            RemoteAEConfig ae = aes.find(t.getDestination()).orElseThrow(() -> new IOException(
                    t.getDestination() + " is not in the AE table"));
            RemoteTarget target = new RemoteTarget(t.getCallingAeTitle(), ae.aeTitle(), ae.host(), ae.port(), ae.tls(),
                    RemoteTarget.Role.SCU);
            NServiceResponse rsp;
            try (DicomConnection c = connector.connect(AssociationSpec.forNService(target, t.getSopClassUid()))) {
                rsp = c.send(new OutboundRequest(t.getOperation(), t.getSopClassUid(), t.getSopInstanceUid(), 0,
                        t.getDataSet() == null ? null : DataSetCodec.decode(t.getDataSet())));
            }
            tasks.sent(t.getPk(), rsp.status().code());
            LOG.info(() -> t.getPurpose() + " " + t.getOperation() + " " + t.getSopInstanceUid() + " to "
                    + t.getDestination() + ": status " + Integer.toHexString(rsp.status().code()));
        } catch (IOException | RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (Instant.now().isAfter(t.getCreatedAt().plus(queue.giveUp()))) {
                LOG.severe(() -> t.getPurpose() + " to " + t.getDestination() + " given up: " + error);
                tasks.giveUp(t.getPk(), error);
            } else {
                Instant next = Instant.now().plus(Backoff.upTo(queue.retry(), Backoff.TEN_MINUTES)
                        .after(t.getAttempts() + 1));
                LOG.warning(() -> t.getPurpose() + " to " + t.getDestination() + " not sent (" + error
                        + "), next attempt at " + next);
                tasks.retryLater(t.getPk(), error, next);
            }
        }
    }

}
