package org.strata.dicom.net.assoc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TlsConfig;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AssociateRj;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.PresentationContextAc;
import org.strata.dicom.net.tls.TlsSockets;

/** Opens associations as requestor: PS3.8 Sta1 -> Sta4 -> Sta5 -> Sta6. */
public final class AssociationRequestor {

    private static final System.Logger LOG = System.getLogger(AssociationRequestor.class.getName());
    private static final AtomicLong SERIAL = new AtomicLong();

    private final NetRuntime runtime;
    private final Timeouts timeouts;
    private final TlsSockets tls;

    public AssociationRequestor(NetRuntime runtime, Timeouts timeouts, TlsConfig tlsConfig) throws IOException {
        this.runtime = runtime;
        this.timeouts = timeouts;
        this.tls = tlsConfig == null ? null : new TlsSockets(tlsConfig);
    }

    /**
     * Connects, negotiates and starts the reader thread ({@link ReadMode#THREAD}).
     *
     * @throws AssociationRejectedException on A-ASSOCIATE-RJ
     * @throws AssociationAbortedException  when the peer aborted or closed the connection
     */
    public Association open(RemoteAe remote, AssociateRq rq, Function<Association, UpperLayerUser> userFactory)
            throws IOException {
        return open(remote, rq, userFactory, ReadMode.THREAD);
    }

    /** As {@link #open(RemoteAe, AssociateRq, Function)}, the PDUs read as {@code readMode} says. */
    public Association open(RemoteAe remote, AssociateRq rq, Function<Association, UpperLayerUser> userFactory,
            ReadMode readMode) throws IOException {
        String name = rq.callingAeTitle() + "->" + rq.calledAeTitle() + "#" + SERIAL.incrementAndGet();
        Socket plain = new Socket();
        Association as = null;
        boolean started = false;
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(remote.host(), remote.port()), timeouts.connectMillis());
            plain.setSoTimeout(timeouts.request().isZero() ? 0 : (int) timeouts.request().toMillis());
            Socket s = tls == null ? plain : tls.clientSide(plain, remote.host(), remote.port());
            as = new Association(name, true, s, timeouts, runtime);
            as.setReceiveLimit(PduLimits.receiveLimit(rq.userInformation().maxPduLength()));
            as.fire(Event.Evt1, null);          // AE-1: transport connect (done above)
            as.fire(Event.Evt2, rq);            // AE-2: send A-ASSOCIATE-RQ, ARTIM
            Pdu answer = null;
            while (as.state() == State.Sta5) {
                answer = as.readOne();
            }
            if (answer instanceof AssociateRj rj) {
                as.rejected(rj);
                throw new AssociationRejectedException(name, rj);
            }
            if (!(answer instanceof AssociateAc ac) || as.state() != State.Sta6) {
                throw new AssociationAbortedException(name + ": association not established: " + as.closeReason());
            }
            checkContexts(rq, ac, as);
            as.setNegotiated(rq, ac);
            as.setUser(userFactory.apply(as));
            if (readMode == ReadMode.CALLER) {
                as.readOnCaller();
            } else {
                Association established = as;
                runtime.execute(established::readLoop);
            }
            started = true;
            LOG.log(Level.INFO, "{0}: established with {1}", name, remote);
            return as;
        } catch (RejectedExecutionException e) {
            as.abort();
            throw new IOException(name + ": no thread free for the association reader", e);
        } finally {
            if (!started) {
                if (as != null) {
                    as.finish();
                }
                plain.close();
            }
        }
    }

    private static void checkContexts(AssociateRq rq, AssociateAc ac, Association as) throws IOException {
        for (PresentationContextAc pc : ac.presentationContexts()) {
            if (rq.presentationContext(pc.id()).isEmpty()) {
                as.abort();
                throw new AssociationAbortedException(as.name() + ": A-ASSOCIATE-AC names presentation context "
                        + pc.id() + " that was not proposed");
            }
        }
    }
}
