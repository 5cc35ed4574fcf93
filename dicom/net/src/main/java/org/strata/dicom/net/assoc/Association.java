package org.strata.dicom.net.assoc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.pdu.Abort;
import org.strata.dicom.net.pdu.AbortReason;
import org.strata.dicom.net.pdu.AbortSource;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AssociateRj;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.PduDecoder;
import org.strata.dicom.net.pdu.PduEncoder;
import org.strata.dicom.net.pdu.PduFormatException;
import org.strata.dicom.net.pdu.ReleaseRp;
import org.strata.dicom.net.pdu.ReleaseRq;

/**
 * A runtime association: the PS3.8 protocol machine (states {@link State}, events {@link Event},
 * actions {@link Action} per Table 9-10) over one socket. Created by {@link AssociationRequestor}
 * (SCU side) or {@link Acceptor} (SCP side); the reader loop runs on a {@link NetRuntime} thread.
 */
public final class Association {

    private static final System.Logger LOG = System.getLogger(Association.class.getName());
    /** Largest PDU {@link #holdPdu} holds back (a command set; PS3.7 9.3 command sets are a few hundred bytes). */
    public static final int HELD_MAX = 1024;
    private volatile String name;
    private final boolean requestor;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Timeouts timeouts;
    private final Artim artim;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object stateLock = new Object();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile State state = State.Sta1;
    private volatile UpperLayerUser user;
    private volatile AssociateRq request;
    private volatile AssociateAc accept;
    private volatile String closeReason = "closed";
    private long receiveLimit;
    private volatile int sendChunk;
    /** A PDU held back until the next write (under the write lock): {@link #holdPdu}. */
    private final byte[] held = new byte[HELD_MAX];
    private int heldLength;
    private final SpareBuffer pduBuffers = new SpareBuffer();
    private final SpareBuffer batchBuffers = new SpareBuffer();
    /** Who reads PDUs once established; CALLER: the threads in {@link #readUntil}, one at a time. */
    private volatile ReadMode readMode = ReadMode.THREAD;
    private final ReentrantLock readLock = new ReentrantLock();
    private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

    Association(String name, boolean requestor, Socket socket, Timeouts timeouts, NetRuntime runtime)
            throws IOException {
        this.name = name;
        this.requestor = requestor;
        this.socket = socket;
        this.in = socket.getInputStream(); // unbuffered: PduDecoder reads each PDU straight into its array
        this.out = socket.getOutputStream();
        this.timeouts = timeouts;
        this.artim = new Artim(runtime.scheduler(), this::onTimer);
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    /** The peer's IP address, for log lines and the services' view of who called. */
    public String remoteAddress() {
        return socket.getInetAddress() == null ? "" : socket.getInetAddress().getHostAddress();
    }

    public State state() {
        return state;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public AssociateRq request() {
        return request;
    }

    public AssociateAc accept() {
        return accept;
    }

    public boolean established() {
        return state.established();
    }

    /** Largest fragment of a PDV we may send: the peer's max length less the PDV header (PS3.8 9.3.5). */
    public int maxPdvDataLength() {
        return sendChunk;
    }

    /** Completes when the association reaches Sta1 (idle, connection closed). */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    public String closeReason() {
        return closeReason;
    }

    /** The upper layer user of this association (the DIMSE channel). */
    public UpperLayerUser user() {
        return user;
    }

    void setUser(UpperLayerUser user) {
        this.user = user;
    }

    void setNegotiated(AssociateRq rq, AssociateAc ac) {
        this.request = rq;
        this.accept = ac;
        PduLimits limits = PduLimits.of(rq, ac, requestor);
        sendChunk = limits.sendChunk();
        receiveLimit = limits.receiveLimit();
    }

    void setReceiveLimit(long limit) {
        receiveLimit = limit;
    }

    // ---------------------------------------------------------------- protocol machine

    /** Looks up and performs the action for an event (PS3.8 9.2.3); returns the action performed. */
    Action fire(Event event, Pdu pdu) throws IOException {
        Action action;
        synchronized (stateLock) {
            action = StateTable.action(state, event);
            if (action == null) {
                if (state == State.Sta1) {
                    throw new AssociationAbortedException(name + ": " + event.name() + " after close (" + closeReason
                            + ")");
                }
                throw new IllegalStateException(name + ": " + event + " not allowed in " + state);
            }
            LOG.log(Level.TRACE, () -> name + ": " + state.name() + " " + event.name() + " -> " + action);
            performLocked(action, event, pdu);
        }
        performIndication(action, pdu);
        return action;
    }

    private void performLocked(Action action, Event event, Pdu pdu) throws IOException {
        switch (action) {
            case AE_1 -> state = State.Sta4;
            case AE_2 -> {
                send(pdu);
                artim.start(timeouts.request());
                state = State.Sta5;
            }
            case AE_3 -> {
                artim.stop();
                state = State.Sta6;
            }
            case AE_4 -> {
                artim.stop();
                closeReason = "rejected: " + pdu;
                closeTransport();
            }
            case AE_5 -> {
                artim.start(timeouts.request());
                state = State.Sta2;
            }
            case AE_6 -> {
                artim.stop();
                state = State.Sta3; // acceptability is decided by the Acceptor, then Evt7/Evt8
            }
            case AE_7 -> {
                send(pdu);
                state = State.Sta6;
            }
            case AE_8 -> {
                send(pdu);
                closeReason = "rejected: " + pdu;
                artim.start(timeouts.request());
                state = State.Sta13;
            }
            case DT_1, AR_7 -> { // the P-DATA-TF itself is written by PDataOutputStream under the write lock
            }
            case DT_2, AR_6, AA_6 -> {
            }
            case AR_1 -> {
                send(pdu);
                artim.start(timeouts.release());
                state = State.Sta7;
            }
            case AR_2 -> state = State.Sta8;
            case AR_3 -> {
                artim.stop();
                closeReason = "released";
                closeTransport();
            }
            case AR_4 -> {
                send(new ReleaseRp());
                closeReason = "released";
                artim.start(timeouts.request());
                state = State.Sta13;
            }
            case AR_5, AA_5 -> {
                artim.stop();
                closeTransport();
            }
            case AR_8 -> state = requestor ? State.Sta9 : State.Sta10;
            case AR_9 -> {
                send(new ReleaseRp());
                state = State.Sta11;
            }
            case AR_10 -> state = State.Sta12;
            case AA_1 -> {
                trySend(pdu instanceof Abort ? pdu : Abort.byUser());
                closeReason = "aborted locally";
                artim.start(timeouts.request());
                state = State.Sta13;
            }
            case AA_2 -> {
                artim.stop();
                closeTransport();
            }
            case AA_3 -> {
                Abort a = (Abort) pdu;
                closeReason = a.source() == AbortSource.SERVICE_USER ? "A-ABORT by peer"
                        : "A-P-ABORT by peer: " + a.reason();
                closeTransport();
            }
            case AA_4 -> {
                closeReason = "A-P-ABORT: connection closed by peer in " + state.name();
                closeTransport();
            }
            case AA_7 -> trySend(Abort.byProvider(AbortReason.UNEXPECTED_PDU));
            case AA_8 -> {
                Abort a = pdu instanceof Abort ab ? ab : Abort.byProvider(AbortReason.UNEXPECTED_PDU);
                trySend(a);
                closeReason = "A-P-ABORT sent: " + a.reason() + (pdu instanceof Abort ? "" : " (" + event + ")");
                artim.start(timeouts.request());
                state = State.Sta13;
            }
        }
    }

    private void performIndication(Action action, Pdu pdu) throws IOException {
        UpperLayerUser u = user;
        if (u == null) {
            return;
        }
        if (action == Action.DT_2 || action == Action.AR_6) {
            u.onPData(this, (PDataTf) pdu);
        } else if (action == Action.AR_2 || action == Action.AR_8) {
            if (action == Action.AR_2 || state == State.Sta9) {
                u.onReleaseIndication(this);
                fire(Event.Evt14, null); // A-RELEASE response primitive
            }
        } else if (action == Action.AR_10) {
            u.onReleaseIndication(this);
            fire(Event.Evt14, null);
        }
    }

    private void onTimer() {
        try {
            synchronized (stateLock) {
                State s = state;
                if (s == State.Sta1) {
                    return;
                }
                LOG.log(Level.INFO, "{0}: timer expired in {1}", name, s);
                if (StateTable.action(s, Event.Evt18) != null) {
                    closeReason = "ARTIM expired in " + s.name();
                    fire(Event.Evt18, null);
                } else {
                    fire(Event.Evt15, Abort.byUser()); // request or release time limit: A-ABORT
                    closeReason = "timed out in " + s.name();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, name + ": failed handling timer expiry", e);
            closeTransport();
        }
    }

    // ---------------------------------------------------------------- local primitives

    /** A-RELEASE request (Evt11); waits for the release to complete or the release timeout. */
    public void release() throws IOException {
        fire(Event.Evt11, new ReleaseRq());
        if (readMode == ReadMode.CALLER) {
            readUntil(() -> false); // A-RELEASE-RP, or the release timer closing the transport
        }
        awaitClosed(timeouts.release().plusSeconds(1));
    }

    /** A-ABORT request (Evt15). Does nothing once the association is already idle or closing. */
    public void abort() {
        synchronized (stateLock) {
            if (state == State.Sta1 || state == State.Sta13 || state == State.Sta2) {
                closeTransport();
            } else {
                try {
                    fire(Event.Evt15, Abort.byUser());
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "{0}: sending A-ABORT failed: {1}", name, e.getMessage());
                    closeTransport();
                }
            }
        }
        if (readMode == ReadMode.CALLER) {
            finishUnlessRead();
        }
    }

    /**
     * CALLER mode, after A-ABORT: no thread may be reading to see the transport close, so the
     * connection is dropped now (as DCMTK does after sending A-ABORT) and the user told; a thread in
     * {@link #readUntil} finishes itself when its read fails.
     */
    private void finishUnlessRead() {
        closeTransport();
        if (readLock.tryLock()) {
            try {
                finish();
            } finally {
                readLock.unlock();
            }
        }
    }

    /**
     * The upper layer found a PDU's content invalid (e.g. a PDV for a presentation context that was
     * not accepted): handled as Evt19, i.e. A-ABORT with service-provider source (PS3.8 9.2.3, AA-8).
     */
    public void abortInvalidPdu(AbortReason reason, String why) {
        LOG.log(Level.WARNING, "{0}: invalid P-DATA-TF: {1}", name, why);
        try {
            fire(Event.Evt19, Abort.byProvider(reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "{0}: abort after invalid PDU failed: {1}", name, e.getMessage());
            closeTransport();
        }
    }

    public void awaitClosed(Duration timeout) throws IOException {
        try {
            closed.get(timeout.isZero() ? Long.MAX_VALUE : timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(name + ": interrupted waiting for close");
        } catch (ExecutionException e) {
            throw new IOException(name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            abort();
            throw new IOException(name + ": not closed within " + timeout);
        }
    }

    /** P-DATA request (Evt9): checks the state; the caller then writes with {@link #writePdus}. */
    void checkPDataAllowed() throws IOException {
        synchronized (stateLock) {
            Action a = StateTable.action(state, Event.Evt9);
            if (a == null) {
                throw new AssociationAbortedException(name + ": cannot send P-DATA in " + state + " (" + closeReason
                        + ")");
            }
        }
    }

    /** Opens the stream on which one DIMSE message part is written as PDVs (PS3.8 9.3.5, PS3.7 8.1). */
    public PDataOutputStream openPData(int presentationContextId, boolean command) {
        return new PDataOutputStream(this, presentationContextId, command, Integer.MAX_VALUE);
    }

    /** As {@link #openPData(int, boolean)} for a part of known length (no buffer larger than needed). */
    public PDataOutputStream openPData(int presentationContextId, boolean command, int length) {
        return new PDataOutputStream(this, presentationContextId, command, length);
    }

    private void send(Pdu pdu) throws IOException {
        writeLock.lock();
        try {
            writeNow(pdu);
        } finally {
            writeLock.unlock();
        }
    }

    private void writeNow(Pdu pdu) throws IOException {
        writeHeld();
        out.write(PduEncoder.encode(pdu));
        out.flush();
    }

    private void writeHeld() throws IOException {
        if (heldLength > 0) {
            int n = heldLength;
            heldLength = 0;
            out.write(held, 0, n);
        }
    }

    /**
     * P-DATA-TF PDUs {@code b[off, off + len)} (PS3.8 9.3.5), after the PDU held back by
     * {@link #holdPdu}, if any: copied into {@code b} just before {@code off} when there is room
     * (PDataOutputStream leaves {@link #HELD_MAX} bytes), so that both leave in one write.
     */
    void writePdus(byte[] b, int off, int len, boolean flush) throws IOException {
        checkPDataAllowed();
        writeLock.lock();
        try {
            if (heldLength > 0 && heldLength <= off) {
                System.arraycopy(held, 0, b, off - heldLength, heldLength);
                off -= heldLength;
                len += heldLength;
                heldLength = 0;
            }
            writeHeld();
            out.write(b, off, len);
            if (flush) {
                out.flush();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Holds the complete PDU {@code b[off, off + len)} back until the next write on this association:
     * the caller is about to send more (a data set after its command set). Sent at once when longer
     * than {@link #HELD_MAX}.
     */
    void holdPdu(byte[] b, int off, int len) throws IOException {
        if (len > HELD_MAX) {
            writePdus(b, off, len, false);
            return;
        }
        checkPDataAllowed();
        writeLock.lock();
        try {
            writeHeld();
            System.arraycopy(b, off, held, 0, len);
            heldLength = len;
        } finally {
            writeLock.unlock();
        }
    }

    SpareBuffer pduBuffers() {
        return pduBuffers;
    }

    SpareBuffer batchBuffers() {
        return batchBuffers;
    }

    /** Best effort for A-ABORT: a writer stuck on a full socket must not block the abort. */
    private void trySend(Pdu pdu) {
        try {
            if (writeLock.tryLock(1, TimeUnit.SECONDS)) {
                try {
                    writeNow(pdu);
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "{0}: could not send {1}: {2}", name, pdu.type(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeTransport() {
        synchronized (stateLock) {
            state = State.Sta1;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "{0}: closing socket: {1}", name, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- reader

    /** Reads one PDU and fires its event; returns the PDU, or {@code null} when the connection closed. */
    Pdu readOne() throws IOException {
        Pdu pdu;
        try {
            pdu = PduDecoder.read(in, receiveLimit);
        } catch (PduFormatException e) {
            LOG.log(Level.WARNING, "{0}: invalid PDU in {1}: {2}", name, state.name(), e.getMessage());
            fire(Event.Evt19, Abort.byProvider(e.reason()));
            return null;
        } catch (SocketTimeoutException e) {
            synchronized (stateLock) {
                if (state.established()) {
                    boolean caller = readMode == ReadMode.CALLER;
                    LOG.log(Level.WARNING, "{0}: no PDU for {1}, aborting", name,
                            caller ? timeouts.response() : timeouts.idle());
                    fire(Event.Evt15, Abort.byUser());
                    closeReason = caller ? "no response within " + timeouts.response() : "idle timeout";
                    if (caller) {
                        closeTransport(); // the caller waits no longer for a peer that did not answer
                    }
                } else if (StateTable.action(state, Event.Evt18) != null) {
                    closeReason = "ARTIM expired in " + state.name() + " (read timed out)";
                    fire(Event.Evt18, null);
                } else if (state != State.Sta1) {
                    closeReason = "read timed out in " + state.name();
                    closeTransport();
                }
            }
            return null;
        } catch (EOFException | java.net.SocketException e) {
            pdu = null;
        }
        synchronized (stateLock) {
            if (state == State.Sta1) {
                return null; // closed meanwhile (timer, local abort): nothing left to indicate
            }
            if (pdu == null) {
                fire(Event.Evt17, null);
                return null;
            }
        }
        fire(Event.received(pdu.type()), pdu);
        return pdu;
    }

    /** The reader loop: runs until Sta1, then frees the socket and tells the user. */
    void readLoop() {
        try {
            if (timeouts.idleMillis() > 0) {
                socket.setSoTimeout(timeouts.idleMillis());
            }
            while (state != State.Sta1) {
                readOne();
            }
        } catch (IOException | RuntimeException e) {
            readFailed(e);
        } finally {
            finish();
        }
    }

    private void readFailed(Exception e) {
        closeReason = "failed: " + e.getMessage();
        LOG.log(Level.WARNING, "{0}: {1}", name, closeReason);
        synchronized (stateLock) {
            if (state.established() || state == State.Sta3) {
                trySend(Abort.byProvider(AbortReason.NOT_SPECIFIED));
            }
        }
    }

    /**
     * Established requestor, instead of a reader thread ({@link ReadMode#CALLER}): PDUs are read by
     * the threads calling {@link #readUntil}, each read waiting at most the response timeout.
     */
    void readOnCaller() throws IOException {
        socket.setSoTimeout(timeouts.response().isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE,
                timeouts.response().toMillis()));
        readMode = ReadMode.CALLER;
    }

    public ReadMode readMode() {
        return readMode;
    }

    /**
     * {@link ReadMode#CALLER}: reads and handles PDUs on this thread (one reader at a time) until
     * {@code done} is true or the association has closed; on close the user is told as by the
     * reader thread. Returns {@code done}'s final value. In THREAD mode it only checks {@code done}.
     */
    public boolean readUntil(java.util.function.BooleanSupplier done) {
        if (readMode != ReadMode.CALLER) {
            return done.getAsBoolean();
        }
        readLock.lock();
        try {
            try {
                while (!done.getAsBoolean() && state != State.Sta1) {
                    readOne();
                }
            } catch (IOException | RuntimeException e) {
                readFailed(e);
            }
            if (state == State.Sta1) {
                finish();
            }
            return done.getAsBoolean();
        } finally {
            readLock.unlock();
        }
    }

    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        artim.stop();
        closeTransport();
        LOG.log(Level.INFO, "{0}: {1}", name, closeReason);
        UpperLayerUser u = user;
        try {
            if (u != null) {
                u.onClose(this);
            }
        } finally {
            closed.complete(null);
        }
    }

    void rejected(AssociateRj rj) {
        closeReason = "rejected: " + rj;
    }

    @Override
    public String toString() {
        return name;
    }
}
