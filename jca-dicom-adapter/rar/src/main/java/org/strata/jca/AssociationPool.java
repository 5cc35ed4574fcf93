package org.strata.jca;

import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.pdu.RoleSelection;
import org.strata.dicom.net.pdu.UserInformation;
import org.strata.jca.api.RemoteTarget;

/**
 * Outbound associations pooled per remote AE, calling AE, role and SOP class: a request borrows an
 * idle established association or opens one; associations idle longer than {@link #IDLE_TIMEOUT}
 * are released. One SOP class per association keeps the negotiation simple and the role explicit.
 */
final class AssociationPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AssociationPool.class.getName());

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    record Key(RemoteTarget target, String sopClassUid) {
    }

    private record Idle(DimseClient client, long sinceNanos) {
    }

    private final NetRuntime runtime;
    private final Map<Key, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> reaper;

    AssociationPool(NetRuntime runtime) {
        this.runtime = runtime;
        this.reaper = runtime.scheduler().scheduleWithFixedDelay(this::releaseExpired, 10, 10, TimeUnit.SECONDS);
    }

    /** An idle established association for the key, or a new one. */
    DimseClient borrow(Key key) throws IOException {
        Deque<Idle> queue = idle.get(key);
        Idle i;
        while (queue != null && (i = queue.pollFirst()) != null) {
            if (i.client().association().established()) {
                return i.client();
            }
        }
        return open(key);
    }

    /** Returns an association after a successful request; a broken one is dropped. */
    void giveBack(Key key, DimseClient client) {
        if (client.association().established()) {
            idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).addFirst(new Idle(client, System.nanoTime()));
        }
    }

    int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    private DimseClient open(Key key) throws IOException {
        RemoteTarget t = key.target();
        if (t.tls()) {
            throw new IOException("outbound DICOM over TLS to " + t.calledAeTitle() + " is not configured");
        }
        UserInformation.Builder ui = UserInformation.builder().maxPduLength(ListenerActivation.MAX_PDU_LENGTH);
        if (t.role() == RemoteTarget.Role.SCP) {
            ui.addRoleSelection(new RoleSelection(key.sopClassUid(), false, true)); // PS3.7 D.3.3.4
        }
        AssociateRqBuilder rq = new AssociateRqBuilder(t.callingAeTitle(), t.calledAeTitle())
                .addContext(key.sopClassUid(), AssociateRqBuilder.EXPLICIT_VR_LE, AssociateRqBuilder.IMPLICIT_VR_LE)
                .userInformation(ui.build());
        DimseClient client = DimseClient.open(runtime, new RemoteAe(t.calledAeTitle(), t.host(), t.port()),
                rq.build(), Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho());
        if (t.role() == RemoteTarget.Role.SCP && !acceptedScpRole(client, key.sopClassUid())) {
            client.close();
            throw new IOException(client.association().name() + ": " + t.calledAeTitle()
                    + " did not accept the SCP role for " + key.sopClassUid());
        }
        return client;
    }

    private static boolean acceptedScpRole(DimseClient client, String sopClassUid) {
        return client.association().accept().userInformation().roleSelections().stream()
                .anyMatch(r -> r.sopClassUid().equals(sopClassUid) && r.scp());
    }

    private void releaseExpired() {
        long limit = System.nanoTime() - IDLE_TIMEOUT.toNanos();
        idle.values().forEach(queue -> queue.removeIf(i -> {
            if (i.sinceNanos() < limit || !i.client().association().established()) {
                closeQuietly(i.client());
                return true;
            }
            return false;
        }));
    }

    private static void closeQuietly(DimseClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.fine(() -> client.association().name() + ": release failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        reaper.cancel(false);
        idle.values().forEach(queue -> queue.forEach(i -> closeQuietly(i.client())));
        idle.clear();
    }
}
