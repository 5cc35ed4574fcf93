package org.strata.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.Association;
import org.strata.dicom.net.assoc.AssociationAbortedException;
import org.strata.dicom.net.assoc.PDataOutputStream;
import org.strata.dicom.net.assoc.ReadMode;
import org.strata.dicom.net.assoc.UpperLayerUser;
import org.strata.dicom.net.pdu.AbortReason;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.PresentationContextAc;
import org.strata.dicom.net.pdu.Pdv;

/**
 * DIMSE over one association (PS3.7 6, PS3.8 9.3.5): assembles received PDVs into messages, runs
 * received requests on their {@link DimseService} (one pooled thread per operation, the data set
 * streamed), matches received responses to outstanding requests, and sends messages as command
 * PDVs followed by data set PDVs, never interleaved with another message.
 */
public final class DimseChannel implements UpperLayerUser {

    private static final System.Logger LOG = System.getLogger(DimseChannel.class.getName());
    /** Upper bound for a data set held in memory (response identifiers, N-* attribute lists). */
    static final int MAX_BUFFERED_DATA_SET = 64 << 20;

    private final Association association;
    private final DimseServiceRegistry registry;
    private final NetRuntime runtime;
    private final ReentrantLock messageLock = new ReentrantLock();
    private final Map<Integer, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final Map<Integer, DimseRequestContext> running = new ConcurrentHashMap<>();
    private final Semaphore window;
    /** PS3.7 D.3.3.3: how many of the peer's requests may be outstanding with us at once. */
    private final int performLimit;
    private final AtomicInteger performing = new AtomicInteger();
    private int lastMessageId;

    // message assembly: reader thread only
    private final ByteArrayOutputStream commandBuffer = new ByteArrayOutputStream(256);
    private int commandContext = -1;
    private Command dataCommand;
    private int dataContext;
    private PdvInputStream dataStream;
    private ByteArrayOutputStream dataBuffer;
    /** The request whose data set the reader writes to its {@link DataSetSink} (PS3.7 9.3.1 C-STORE). */
    private DimseRequestContext sinkRequest;
    private boolean broken;

    private record Outstanding(ResponseListener listener, CompletableFuture<DimseRsp> future) {
    }

    public DimseChannel(Association association, DimseServiceRegistry registry, NetRuntime runtime) {
        this.association = association;
        this.registry = registry;
        this.runtime = runtime;
        AsyncOpsWindow w = association.accept().userInformation().asyncOpsWindow();
        // both numbers are counted from the requestor's side: it invokes up to maxInvoked, it performs
        // up to maxPerformed (invoked by the acceptor); 0 = unlimited, absent = 1 (synchronous)
        int n = w == null ? 1 : association.isRequestor() ? w.maxInvoked() : w.maxPerformed();
        this.window = new Semaphore(n == 0 ? Integer.MAX_VALUE : n);
        int p = w == null ? 1 : association.isRequestor() ? w.maxPerformed() : w.maxInvoked();
        this.performLimit = p == 0 ? Integer.MAX_VALUE : p;
    }

    /** The upper layer user factory for a listener or requestor: one channel per association. */
    public static java.util.function.Function<Association, UpperLayerUser> factory(DimseServiceRegistry registry,
            NetRuntime runtime) {
        return as -> new DimseChannel(as, registry, runtime);
    }

    public Association association() {
        return association;
    }

    /** The accepted transfer syntax of a presentation context, or {@code null} if it was not accepted. */
    public String transferSyntax(int presentationContextId) {
        return association.accept().presentationContext(presentationContextId)
                .filter(PresentationContextAc::accepted).map(PresentationContextAc::transferSyntax).orElse(null);
    }

    /** The first accepted presentation context for the abstract syntax (and transfer syntax, if given). */
    public int presentationContext(String abstractSyntax, String transferSyntax) throws IOException {
        for (org.strata.dicom.net.pdu.PresentationContextRq pc : association.request().presentationContexts()) {
            if (!pc.abstractSyntax().equals(abstractSyntax)) {
                continue;
            }
            PresentationContextAc ac = association.accept().presentationContext(pc.id()).orElse(null);
            if (ac != null && ac.accepted() && (transferSyntax == null || transferSyntax.equals(ac.transferSyntax()))) {
                return pc.id();
            }
        }
        throw new NoPresentationContextException(association.name() + ": no accepted presentation context for "
                + abstractSyntax + (transferSyntax == null ? "" : " with " + transferSyntax));
    }

    // ---------------------------------------------------------------- receiving

    @Override
    public void onPData(Association as, PDataTf pdu) throws IOException {
        for (Pdv pdv : pdu.pdvs()) {
            if (broken) {
                return;
            }
            int pc = pdv.presentationContextId();
            if (transferSyntax(pc) == null) {
                protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE, "PDV for presentation context " + pc
                        + ", which is not accepted");
            } else if (pdv.command()) {
                onCommandFragment(pc, pdv);
            } else {
                onDataFragment(pc, pdv);
            }
        }
    }

    private void onCommandFragment(int pc, Pdv pdv) throws IOException {
        if (dataCommand != null || (commandBuffer.size() > 0 && pc != commandContext)) {
            protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER, "command fragment inside another message");
            return;
        }
        if (commandBuffer.size() + pdv.length() > Command.MAX_LENGTH) {
            protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE, "command set longer than " + Command.MAX_LENGTH);
            return;
        }
        commandContext = pc;
        pdv.writeTo(commandBuffer);
        if (!pdv.last()) {
            return;
        }
        Command cmd;
        try {
            cmd = Command.decode(commandBuffer.toByteArray());
        } catch (DimseFormatException e) {
            protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE, "undecodable command set: " + e.getMessage());
            return;
        } finally {
            commandBuffer.reset();
        }
        LOG.log(Level.DEBUG, () -> association.name() + ": received " + cmd);
        if (cmd.commandField().isRequest()) {
            onRequest(pc, cmd);
        } else if (cmd.hasDataSet()) {
            startData(pc, cmd);
            dataBuffer = new ByteArrayOutputStream();
        } else {
            onResponse(pc, cmd, null);
        }
    }

    private void startData(int pc, Command cmd) {
        dataCommand = cmd;
        dataContext = pc;
    }

    private void onDataFragment(int pc, Pdv pdv) throws IOException {
        if (dataCommand == null || pc != dataContext) {
            protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER, "data set fragment without its command");
            return;
        }
        if (sinkRequest != null) {
            writeToSink(sinkRequest, pdv);
        } else if (dataStream != null) {
            dataStream.push(pdv);
            if (pdv.last()) {
                dataStream.end();
            }
        } else {
            if (dataBuffer.size() + (long) pdv.length() > MAX_BUFFERED_DATA_SET) {
                protocolError(AbortReason.NOT_SPECIFIED, "response data set larger than " + MAX_BUFFERED_DATA_SET);
                return;
            }
            pdv.writeTo(dataBuffer);
            if (pdv.last()) {
                onResponse(pc, dataCommand, dataBuffer.toByteArray());
            }
        }
        if (pdv.last()) {
            dataCommand = null;
            dataStream = null;
            dataBuffer = null;
            DimseRequestContext complete = sinkRequest;
            sinkRequest = null;
            if (complete != null) {
                // no hand-over at all: the reader finishes the request and answers (SinkService)
                running.put(complete.messageId(), complete);
                serve(complete);
            }
        }
    }

    /** Reader thread: one fragment into the sink; after a write failure the rest is dropped. */
    private static void writeToSink(DimseRequestContext ctx, Pdv pdv) {
        if (ctx.sinkFailure() == null) {
            try {
                pdv.writeTo(0, ctx.sink().output());
            } catch (IOException e) {
                ctx.sinkFailed(e);
            }
        }
    }

    private void onRequest(int pc, Command cmd) throws IOException {
        if (cmd.commandField() == CommandField.C_CANCEL_RQ) { // PS3.7 9.3.2.3: no response
            DimseRequestContext target = running.get(cmd.messageIdBeingRespondedTo());
            if (target != null) {
                target.cancel();
            }
            return;
        }
        if (performing.incrementAndGet() > performLimit) {
            // PS3.7 D.3.3.3 leaves the reaction to a peer outside its window open: we abort (A-ABORT,
            // service provider, unexpected PDU parameter) rather than queue requests it must not send
            performing.decrementAndGet();
            protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER, cmd.commandField() + " (message ID "
                    + cmd.messageId() + ") exceeds the asynchronous operations window: " + performLimit
                    + " outstanding operation(s) negotiated (PS3.7 D.3.3.3)");
            return;
        }
        if (!cmd.hasDataSet()) {
            dispatch(new DimseRequestContext(this, pc, cmd, InputStream.nullInputStream()));
            return;
        }
        startData(pc, cmd);
        DimseRequestContext sunk = new DimseRequestContext(this, pc, cmd, InputStream.nullInputStream());
        DataSetSink sink = openSink(sunk);
        if (sink != null) {
            sunk.sink(sink);
            sinkRequest = sunk; // served when the last fragment is written
            return;
        }
        dataStream = new PdvInputStream();
        dispatch(new DimseRequestContext(this, pc, cmd, dataStream));
    }

    private DataSetSink openSink(DimseRequestContext ctx) {
        if (!(registry.lookup(ctx.sopClassUid()) instanceof SinkService s)) {
            return null;
        }
        try {
            return s.openSink(ctx);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "{0}: no sink for {1} ({2}), streaming it", association.name(), ctx.commandField(),
                    e.toString());
            return null;
        }
    }

    /** Runs the request on a pooled thread; answers 0xA700 itself when no thread is free. */
    private void dispatch(DimseRequestContext ctx) throws IOException {
        Command cmd = ctx.command();
        running.put(cmd.messageId(), ctx);
        try {
            runtime.execute(() -> serve(ctx));
        } catch (RejectedExecutionException e) {
            running.remove(cmd.messageId());
            performing.decrementAndGet();
            if (ctx.dataSet() instanceof PdvInputStream p) {
                p.discardRemaining();
            }
            LOG.log(Level.WARNING, "{0}: no thread free for {1}", association.name(), cmd.commandField());
            sendResponse(ctx, DimseResponse.of(Status.OUT_OF_RESOURCES, "no thread free"));
        }
    }

    private void onResponse(int pc, Command cmd, byte[] data) {
        Outstanding o = outstanding.get(cmd.messageIdBeingRespondedTo());
        if (o == null) {
            LOG.log(Level.WARNING, "{0}: ignoring response to unknown message ID {1}", association.name(),
                    cmd.messageIdBeingRespondedTo());
            return;
        }
        DimseRsp rsp = new DimseRsp(cmd, data, transferSyntax(pc));
        if (rsp.pending()) {
            try {
                o.listener().onPending(rsp);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, association.name() + ": pending response listener failed", e);
            }
        } else {
            outstanding.remove(cmd.messageIdBeingRespondedTo());
            window.release();
            o.future().complete(rsp);
        }
    }

    private void protocolError(AbortReason reason, String why) {
        broken = true;
        association.abortInvalidPdu(reason, why);
    }

    // ---------------------------------------------------------------- serving requests

    private void serve(DimseRequestContext ctx) {
        DimseResponse r;
        try {
            r = registry.lookup(ctx.sopClassUid()).handle(ctx);
        } catch (DimseException e) {
            LOG.log(Level.INFO, "{0}: {1} answered {2}: {3}", association.name(), ctx.commandField(),
                    Status.toHex(e.status()), e.getMessage());
            r = DimseResponse.of(e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0}: {1} failed: {2}", association.name(), ctx.commandField(), e.getMessage());
            r = DimseResponse.of(Status.PROCESSING_FAILURE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, association.name() + ": " + ctx.commandField() + " handler failed", e);
            r = DimseResponse.of(Status.PROCESSING_FAILURE, e.toString());
        }
        if (ctx.dataSet() instanceof PdvInputStream p) {
            p.discardRemaining();
        }
        if (ctx.sink() != null) {
            ctx.sink().abandon(); // a no-op when the handler kept the data
        }
        // before the response goes out: the peer may send its next request as soon as it has it
        performing.decrementAndGet();
        try {
            if (association.established()) {
                sendResponse(ctx, r);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0}: could not send {1}: {2}", association.name(),
                    ctx.commandField().response(), e.getMessage());
        } finally {
            running.remove(ctx.messageId());
        }
    }

    void sendResponse(DimseRequestContext ctx, DimseResponse r) throws IOException {
        Command rsp = new Command().set(CommandElement.CommandField, ctx.commandField().response().code())
                .set(CommandElement.MessageIDBeingRespondedTo, ctx.messageId())
                .set(CommandElement.Status, r.status());
        if (ctx.sopClassUid() != null) {
            rsp.set(CommandElement.AffectedSOPClassUID, ctx.sopClassUid());
        }
        CommandField f = ctx.commandField();
        if (ctx.sopInstanceUid() != null && f != CommandField.C_FIND_RQ && f != CommandField.C_MOVE_RQ
                && f != CommandField.C_GET_RQ && f != CommandField.C_ECHO_RQ) {
            rsp.set(CommandElement.AffectedSOPInstanceUID, ctx.sopInstanceUid());
        }
        if (r.fields() != null) {
            r.fields().copyTo(rsp);
        }
        send(ctx.presentationContextId(), rsp, r.dataSet());
    }

    /**
     * True while the request with this Message ID is being served and its final response has not
     * been sent: a service answering later on the same association (an N-EVENT-REPORT after its
     * N-ACTION-RSP, PS3.4 J.3.3) waits for this to become false.
     */
    public boolean serving(int messageId) {
        return running.containsKey(messageId);
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends a request and returns the future of its final response; pending responses go to
     * {@code listener}. Blocks while the asynchronous operations window is full (PS3.7 D.3.3.3).
     */
    public CompletableFuture<DimseRsp> invoke(int presentationContextId, Command rq, DataWriter data,
            ResponseListener listener) throws IOException {
        try {
            if (association.readMode() == ReadMode.CALLER
                    && !association.readUntil(() -> window.availablePermits() > 0)) {
                // only this thread could have read the response that frees the window
                throw new AssociationAbortedException(association.name() + ": " + association.closeReason());
            }
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(association.name() + ": interrupted waiting for the window");
        }
        int id = nextMessageId();
        rq.set(CommandElement.MessageID, id);
        Outstanding o = new Outstanding(listener, new CompletableFuture<>());
        outstanding.put(id, o);
        try {
            send(presentationContextId, rq, data);
        } catch (IOException | RuntimeException e) {
            outstanding.remove(id);
            window.release();
            throw e;
        }
        return o.future();
    }

    /** C-CANCEL-RQ for an outstanding C-FIND/C-MOVE/C-GET (PS3.7 9.3.2.1). */
    public void cancel(int presentationContextId, int messageId) throws IOException {
        send(presentationContextId, new Command().set(CommandElement.CommandField, CommandField.C_CANCEL_RQ.code())
                .set(CommandElement.MessageIDBeingRespondedTo, messageId), null);
    }

    private synchronized int nextMessageId() {
        do {
            lastMessageId = lastMessageId % 0xFFFF + 1; // Message ID is US, 1..65535
        } while (outstanding.containsKey(lastMessageId));
        return lastMessageId;
    }

    /** The Message ID of the request sent last (for C-CANCEL). */
    public synchronized int lastMessageId() {
        return lastMessageId;
    }

    private void send(int pc, Command cmd, DataWriter data) throws IOException {
        cmd.set(CommandElement.CommandDataSetType, data == null ? Command.NO_DATA_SET : 0x0000);
        LOG.log(Level.DEBUG, () -> association.name() + ": sending " + cmd);
        messageLock.lock();
        try {
            byte[] encoded = cmd.encode();
            PDataOutputStream out = association.openPData(pc, true, encoded.length);
            out.write(encoded);
            if (data == null) {
                out.close();
                return;
            }
            out.closeAndHold(); // leaves with the data set's first PDUs, in one write
            PDataOutputStream ds = association.openPData(pc, false);
            try {
                data.writeTo(ds);
                ds.close();
            } catch (IOException | RuntimeException e) {
                // the message is cut short: the peer cannot tell, so the association must end
                association.abort();
                throw e;
            }
        } finally {
            messageLock.unlock();
        }
    }

    // ---------------------------------------------------------------- association events

    @Override
    public void onReleaseIndication(Association as) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void onClose(Association as) {
        AssociationAbortedException cause = new AssociationAbortedException(as.name() + ": " + as.closeReason());
        if (dataStream != null) {
            dataStream.fail(cause);
        }
        DimseRequestContext partial = sinkRequest;
        if (partial != null) {
            sinkRequest = null;
            partial.sink().abandon();
        }
        running.values().forEach(DimseRequestContext::cancel);
        outstanding.values().forEach(o -> o.future().completeExceptionally(cause));
        outstanding.clear();
    }
}
