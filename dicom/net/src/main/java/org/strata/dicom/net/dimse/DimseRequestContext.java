package org.strata.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.strata.dicom.net.assoc.Association;

/** One received DIMSE request as a service handler sees it. */
public final class DimseRequestContext {

    private final DimseChannel channel;
    private final int presentationContextId;
    private final Command command;
    private final InputStream dataSet;
    private volatile boolean cancelled;
    private DataSetSink sink;
    private IOException sinkFailure;

    DimseRequestContext(DimseChannel channel, int presentationContextId, Command command, InputStream dataSet) {
        this.channel = channel;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.dataSet = dataSet;
    }

    public Association association() {
        return channel.association();
    }

    /** The channel of the association, e.g. to send C-STORE sub-operations of a C-GET on it. */
    public DimseChannel channel() {
        return channel;
    }

    public Command command() {
        return command;
    }

    public CommandField commandField() {
        return command.commandField();
    }

    public int messageId() {
        return command.messageId();
    }

    /** Affected SOP Class UID, or Requested SOP Class UID for N-GET/N-SET/N-ACTION/N-DELETE. */
    public String sopClassUid() {
        String s = command.getString(CommandElement.AffectedSOPClassUID);
        return s != null ? s : command.getString(CommandElement.RequestedSOPClassUID);
    }

    /** Affected SOP Instance UID, or Requested SOP Instance UID. */
    public String sopInstanceUid() {
        String s = command.getString(CommandElement.AffectedSOPInstanceUID);
        return s != null ? s : command.getString(CommandElement.RequestedSOPInstanceUID);
    }

    public int presentationContextId() {
        return presentationContextId;
    }

    /** The transfer syntax of the data set (the presentation context's). */
    public String transferSyntax() {
        return channel.transferSyntax(presentationContextId);
    }

    /** The data set as it arrives; empty when the request has none. */
    public InputStream dataSet() {
        return dataSet;
    }

    /**
     * The sink the reader thread wrote the data set to ({@link SinkService}), or {@code null} when
     * the data set comes as {@link #dataSet()}. Check {@link #sinkFailure()} before keeping its data.
     */
    public DataSetSink sink() {
        return sink;
    }

    /** Why writing to {@link #sink()} stopped part-way (the rest of the data set was dropped), or {@code null}. */
    public IOException sinkFailure() {
        return sinkFailure;
    }

    void sink(DataSetSink s) {
        sink = s;
    }

    void sinkFailed(IOException e) {
        sinkFailure = e;
    }

    /** Reads the whole data set; only for small ones (identifiers, N-* attribute lists). */
    public byte[] readDataSet() throws IOException {
        return dataSet.readAllBytes();
    }

    /** True once a C-CANCEL-RQ for this request arrived (PS3.7 9.3.2.3, 9.3.3.3, 9.3.4.3). */
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    /** Sends a pending response (0xFF00 unless {@code status} says otherwise) with an optional data set. */
    public void sendPending(int status, Command fields, DataWriter data) throws IOException {
        channel.sendResponse(this, new DimseResponse(status, fields, data));
    }

    public void sendPending(DataWriter identifier) throws IOException {
        sendPending(Status.PENDING, null, identifier);
    }
}
