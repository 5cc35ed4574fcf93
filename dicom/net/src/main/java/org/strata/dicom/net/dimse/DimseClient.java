package org.strata.dicom.net.dimse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.Association;
import org.strata.dicom.net.assoc.AssociationRequestor;
import org.strata.dicom.net.assoc.ReadMode;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TlsConfig;
import org.strata.dicom.net.pdu.AssociateRq;

/**
 * The SCU side of an association: C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET, C-CANCEL and the N-
 * services (PS3.7 9 and 10), each as an asynchronous call returning an {@link Invocation}, and the
 * common ones also blocking. Data sets are passed encoded in the transfer syntax named.
 */
public final class DimseClient implements AutoCloseable {

    private final Association association;
    private final DimseChannel channel;
    private final Duration responseTimeout;

    private DimseClient(Association association, Duration responseTimeout) {
        this.association = association;
        this.channel = (DimseChannel) association.user();
        this.responseTimeout = responseTimeout;
    }

    /**
     * Opens an association. {@code incoming} serves requests the peer sends on it (C-STORE
     * sub-operations of a C-GET, N-EVENT-REPORT).
     */
    public static DimseClient open(NetRuntime runtime, RemoteAe remote, AssociateRq rq, Timeouts timeouts,
            TlsConfig tls, DimseServiceRegistry incoming) throws IOException {
        return open(runtime, remote, rq, timeouts, tls, incoming, ReadMode.THREAD);
    }

    /**
     * As {@link #open(NetRuntime, RemoteAe, AssociateRq, Timeouts, TlsConfig, DimseServiceRegistry)};
     * with {@link ReadMode#CALLER} responses are read by the thread in {@link #await} (and the blocking
     * calls), which is then the only way to get them: for a caller making one blocking call at a time.
     */
    public static DimseClient open(NetRuntime runtime, RemoteAe remote, AssociateRq rq, Timeouts timeouts,
            TlsConfig tls, DimseServiceRegistry incoming, ReadMode readMode) throws IOException {
        Association as = new AssociationRequestor(runtime, timeouts, tls).open(remote, rq,
                a -> new DimseChannel(a, incoming, runtime), readMode);
        return new DimseClient(as, timeouts.response());
    }

    public Association association() {
        return association;
    }

    public DimseChannel channel() {
        return channel;
    }

    /** The first accepted presentation context for the abstract syntax (and transfer syntax, if given). */
    public int presentationContext(String abstractSyntax, String transferSyntax) throws IOException {
        return channel.presentationContext(abstractSyntax, transferSyntax);
    }

    private Invocation invoke(String sopClass, String ts, Command rq, DataWriter data, ResponseListener l)
            throws IOException {
        int pc = presentationContext(sopClass, ts);
        var future = channel.invoke(pc, rq, data, l);
        return new Invocation(rq.messageId(), pc, future);
    }

    private static Command rq(CommandField f, String sopClass) {
        return new Command().set(CommandElement.CommandField, f.code()).set(CommandElement.AffectedSOPClassUID, sopClass);
    }

    /** C-ECHO (PS3.7 9.1.5) on the Verification SOP class. */
    public Invocation echoAsync() throws IOException {
        return invoke(DimseServiceRegistry.VERIFICATION, null, rq(CommandField.C_ECHO_RQ,
                DimseServiceRegistry.VERIFICATION), null, ResponseListener.IGNORE);
    }

    public DimseRsp echo() throws IOException {
        return await(echoAsync());
    }

    /** C-STORE (PS3.7 9.1.1); {@code data} must be encoded in {@code transferSyntax}. */
    public Invocation storeAsync(StoreRequest store, DataWriter data) throws IOException {
        Command c = rq(CommandField.C_STORE_RQ, store.sopClassUid())
                .set(CommandElement.AffectedSOPInstanceUID, store.sopInstanceUid())
                .set(CommandElement.Priority, store.priority().code());
        if (store.moveOriginatorAeTitle() != null) {
            c.set(CommandElement.MoveOriginatorApplicationEntityTitle, store.moveOriginatorAeTitle())
                    .set(CommandElement.MoveOriginatorMessageID, store.moveOriginatorMessageId());
        }
        return invoke(store.sopClassUid(), store.transferSyntax(), c, data, ResponseListener.IGNORE);
    }

    public DimseRsp store(StoreRequest store, DataWriter data) throws IOException {
        return await(storeAsync(store, data));
    }

    /** C-FIND (PS3.7 9.1.2): matches arrive as pending responses. */
    public Invocation findAsync(String sopClass, String transferSyntax, Priority priority, DataWriter identifier,
            ResponseListener matches) throws IOException {
        return invoke(sopClass, transferSyntax, rq(CommandField.C_FIND_RQ, sopClass)
                .set(CommandElement.Priority, priority.code()), identifier, matches);
    }

    /** C-MOVE (PS3.7 9.1.4) to {@code destination}; pending responses carry sub-operation counts. */
    public Invocation moveAsync(String sopClass, String transferSyntax, Priority priority, String destination,
            DataWriter identifier, ResponseListener progress) throws IOException {
        return invoke(sopClass, transferSyntax, rq(CommandField.C_MOVE_RQ, sopClass)
                .set(CommandElement.Priority, priority.code()).set(CommandElement.MoveDestination, destination),
                identifier, progress);
    }

    /** C-GET (PS3.7 9.1.3): the C-STORE sub-operations arrive on this association's incoming registry. */
    public Invocation getAsync(String sopClass, String transferSyntax, Priority priority, DataWriter identifier,
            ResponseListener progress) throws IOException {
        return invoke(sopClass, transferSyntax, rq(CommandField.C_GET_RQ, sopClass)
                .set(CommandElement.Priority, priority.code()), identifier, progress);
    }

    /** C-CANCEL (PS3.7 9.3.2.3) of a C-FIND, C-MOVE or C-GET in progress. */
    public void cancel(Invocation invocation) throws IOException {
        channel.cancel(invocation.presentationContextId(), invocation.messageId());
    }

    /**
     * An N- service request (PS3.7 10.1): N-EVENT-REPORT and N-CREATE use the Affected SOP
     * Class/Instance UID, the others the Requested ones (PS3.7 10.3).
     */
    public Invocation nAsync(NRequest n, DataWriter data) throws IOException {
        Command c = nCommand(n);
        String abstractSyntax = n.abstractSyntax() == null ? n.sopClassUid() : n.abstractSyntax();
        return invoke(abstractSyntax, n.transferSyntax(), c, data, ResponseListener.IGNORE);
    }

    /**
     * The command set of an N- service request (PS3.7 10.3), without Message ID: N-EVENT-REPORT
     * and N-CREATE name the Affected SOP Class/Instance UID, the others the Requested ones; the
     * Affected SOP Instance UID of an N-CREATE may be left to the SCP (PS3.7 10.1.5.1.2).
     */
    public static Command nCommand(NRequest n) {
        boolean affected = n.commandField() == CommandField.N_EVENT_REPORT_RQ
                || n.commandField() == CommandField.N_CREATE_RQ;
        Command c = new Command().set(CommandElement.CommandField, n.commandField().code())
                .set(affected ? CommandElement.AffectedSOPClassUID : CommandElement.RequestedSOPClassUID,
                        n.sopClassUid());
        if (n.sopInstanceUid() != null) {
            c.set(affected ? CommandElement.AffectedSOPInstanceUID : CommandElement.RequestedSOPInstanceUID,
                    n.sopInstanceUid());
        }
        if (n.commandField() == CommandField.N_EVENT_REPORT_RQ) {
            c.set(CommandElement.EventTypeID, n.typeId());
        } else if (n.commandField() == CommandField.N_ACTION_RQ) {
            c.set(CommandElement.ActionTypeID, n.typeId());
        } else if (n.commandField() == CommandField.N_GET_RQ && n.attributeIdentifiers() != null) {
            c.set(CommandElement.AttributeIdentifierList, n.attributeIdentifiers());
        }
        return c;
    }

    /** Waits for the final response within the response timeout. */
    public DimseRsp await(Invocation invocation) throws IOException {
        association.readUntil(invocation.response()::isDone); // CALLER mode: read it here
        try {
            return responseTimeout.isZero() ? invocation.response().get()
                    : invocation.response().get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(association.name() + ": interrupted waiting for a response");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            association.abort();
            throw new IOException(association.name() + ": no response within " + responseTimeout);
        }
    }

    public void release() throws IOException {
        association.release();
    }

    public void abort() {
        association.abort();
    }

    /** Releases if still established, otherwise makes sure the connection is closed. */
    @Override
    public void close() throws IOException {
        if (association.established()) {
            release();
        } else {
            association.abort();
        }
    }
}
