package org.strata.dicom.net.assoc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AssociateRj;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.RejectReason;
import org.strata.dicom.net.pdu.RejectResult;
import org.strata.dicom.net.tls.TlsSockets;

/**
 * A listening port: accepts connections, runs each as the acceptor side of PS3.8 (Sta2 to Sta6) on a
 * {@link NetRuntime} thread, enforces the per-port and per-AE association limits, and keeps serving
 * when one connection misbehaves. {@link #close()} stops accepting and aborts live associations.
 */
public final class DicomListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DicomListener.class.getName());

    private final ListenerConfig config;
    private final NetRuntime runtime;
    private final AcceptorServices services;
    private final TlsSockets tls;
    private final ServerSocket serverSocket;
    /** Counted down when the accept loop has ended. */
    private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);
    private final Set<Association> live = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perAe = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong serial = new AtomicLong();
    private volatile boolean stopped;

    private DicomListener(ListenerConfig config, NetRuntime runtime, AcceptorServices services) throws IOException {
        this.config = config;
        this.runtime = runtime;
        this.services = services;
        this.tls = config.tls() == null ? null : new TlsSockets(config.tls());
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 128);
    }

    /** Binds the port and starts accepting. */
    public static DicomListener start(ListenerConfig config, NetRuntime runtime, AcceptorServices services)
            throws IOException {
        DicomListener l = new DicomListener(config, runtime, services);
        try {
            // the accept loop is a task of the runtime like every association (in a resource
            // adapter: long-running Work)
            runtime.executeAcceptLoop(l::acceptLoop);
        } catch (RejectedExecutionException e) {
            l.serverSocket.close();
            throw new IOException("listener " + l.port() + ": no thread for the accept loop: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "listening on {0}:{1} for {2}{3}", config.host(), l.port(),
                config.applicationEntities().stream().map(ApplicationEntityConfig::aeTitle).toList(),
                l.tls == null ? "" : " (TLS)");
        return l;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Associations (and connections not yet associated) being served right now. */
    public int activeConnections() {
        return connections.get();
    }

    private void acceptLoop() {
        try {
            accept();
        } finally {
            acceptLoopEnded.countDown();
        }
    }

    private void accept() {
        while (!stopped) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!stopped) {
                    LOG.log(Level.ERROR, "listener " + port() + ": accept failed, stopping: " + e.getMessage(), e);
                }
                return;
            }
            String name = s.getRemoteSocketAddress() + "#" + serial.incrementAndGet();
            try {
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                runtime.execute(() -> serve(s, name));
            } catch (RejectedExecutionException | IOException e) {
                connections.decrementAndGet();
                LOG.log(Level.WARNING, "{0}: refused, no thread free ({1})", name, e.getMessage());
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket plain, String name) {
        Association as = null;
        String aeTitle = null;
        try {
            plain.setSoTimeout(config.timeouts().request().isZero() ? 0 : (int) config.timeouts().request().toMillis());
            Socket s = tls == null ? plain : tls.serverSide(plain);
            as = new Association(name, false, s, config.timeouts(), runtime);
            as.setReceiveLimit(PduLimits.receiveLimit(config.maxPduLength()));
            live.add(as);
            if (stopped) {
                return;
            }
            as.fire(Event.Evt5, null);
            Pdu first = null;
            while (as.state() == State.Sta2) {
                first = as.readOne();
            }
            if (as.state() != State.Sta3 || !(first instanceof AssociateRq rq)) {
                return; // aborted, closed or ARTIM expired: already logged by the association
            }
            as.rename(rq.callingAeTitle() + "->" + rq.calledAeTitle() + "#" + name.substring(name.lastIndexOf('#') + 1));
            Optional<ApplicationEntityConfig> ae = config.applicationEntity(rq.calledAeTitle());
            Pdu answer;
            if (ae.isEmpty()) {
                answer = new AssociateRj(RejectResult.PERMANENT, RejectReason.CALLED_AE_NOT_RECOGNIZED);
            } else if (connections.get() > config.maxAssociations() || !reserve(ae.get())) {
                answer = new AssociateRj(RejectResult.TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED);
            } else {
                aeTitle = ae.get().aeTitle();
                answer = new Negotiator(ae.get(), config.maxPduLength(), services.asyncOpsWindow(),
                        services.identityVerifier(), services.extendedNegotiation()).negotiate(rq);
            }
            if (answer instanceof AssociateAc ac) {
                as.setNegotiated(rq, ac);
                as.setUser(services.users().apply(as));
                as.fire(Event.Evt7, ac);
                LOG.log(Level.INFO, "{0}: accepted from {1}", as.name(), plain.getRemoteSocketAddress());
            } else {
                LOG.log(Level.INFO, "{0}: rejecting: {1}", as.name(), answer);
                as.fire(Event.Evt8, answer);
            }
            as.readLoop();
            as = null; // readLoop finished it
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: connection failed: {1}", as == null ? name : as.name(), e.getMessage());
        } finally {
            if (as != null) {
                as.finish();
            }
            closeQuietly(plain);
            if (aeTitle != null) {
                perAe.get(aeTitle).decrementAndGet();
            }
            live.removeIf(a -> a.closeFuture().isDone());
            connections.decrementAndGet();
        }
    }

    private boolean reserve(ApplicationEntityConfig ae) {
        AtomicInteger n = perAe.computeIfAbsent(ae.aeTitle(), k -> new AtomicInteger());
        if (n.incrementAndGet() > ae.maxAssociations() && ae.maxAssociations() > 0) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing socket: {0}", e.getMessage());
        }
    }

    /** Stops accepting, aborts live associations and waits briefly for their threads. */
    @Override
    public void close() {
        stopped = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "listener {0}: closing: {1}", port(), e.getMessage());
        }
        for (Association a : live) {
            a.abort();
        }
        try {
            acceptLoopEnded.await(5, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + 5000;
            while (connections.get() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(Level.INFO, "listener {0}: stopped", port());
    }
}
