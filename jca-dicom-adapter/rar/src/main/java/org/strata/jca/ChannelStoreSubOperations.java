package org.strata.jca;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.NoPresentationContextException;
import org.strata.dicom.net.dimse.ResponseListener;
import org.strata.dicom.net.pdu.PresentationContextAc;
import org.strata.dicom.net.pdu.PresentationContextRq;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreSubOperations;

/**
 * C-STORE sub-operations sent on a DIMSE channel (PS3.7 9.1.1): the move destination's
 * association, or the C-GET requestor's own.
 */
class ChannelStoreSubOperations implements StoreSubOperations {

    /** How long a sub-operation may wait for the peer's C-STORE-RSP. */
    static final long RESPONSE_TIMEOUT_SECONDS = 120;

    private final DimseChannel channel;
    private final String moveOriginatorAeTitle;
    private final int moveOriginatorMessageId;

    ChannelStoreSubOperations(DimseChannel channel, String moveOriginatorAeTitle, int moveOriginatorMessageId) {
        this.channel = channel;
        this.moveOriginatorAeTitle = moveOriginatorAeTitle;
        this.moveOriginatorMessageId = moveOriginatorMessageId;
    }

    @Override
    public List<String> accepted(String sopClassUid) {
        return accepted(channel, sopClassUid);
    }

    /** Transfer syntaxes accepted for a SOP class on the channel's association, in proposal order. */
    static List<String> accepted(DimseChannel channel, String sopClassUid) {
        List<String> accepted = new ArrayList<>();
        for (PresentationContextRq pc : channel.association().request().presentationContexts()) {
            if (pc.abstractSyntax().equals(sopClassUid)) {
                channel.association().accept().presentationContext(pc.id()).filter(PresentationContextAc::accepted)
                        .map(PresentationContextAc::transferSyntax).filter(ts -> !accepted.contains(ts))
                        .ifPresent(accepted::add);
            }
        }
        return accepted;
    }

    @Override
    public DimseStatus store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, DataSet dataSet)
            throws IOException {
        int pc;
        try {
            pc = channel.presentationContext(sopClassUid, transferSyntaxUid);
        } catch (NoPresentationContextException e) {
            return DimseStatus.of(0xA900, "no presentation context for " + transferSyntaxUid);
        }
        Command rq = new Command().set(CommandElement.CommandField, CommandField.C_STORE_RQ.code())
                .set(CommandElement.AffectedSOPClassUID, sopClassUid)
                .set(CommandElement.AffectedSOPInstanceUID, sopInstanceUid)
                .set(CommandElement.Priority, 0);
        if (moveOriginatorAeTitle != null) {
            rq.set(CommandElement.MoveOriginatorApplicationEntityTitle, moveOriginatorAeTitle)
                    .set(CommandElement.MoveOriginatorMessageID, moveOriginatorMessageId);
        }
        try {
            DimseRsp rsp = channel.invoke(pc, rq, dataSet::writeTo, ResponseListener.IGNORE)
                    .get(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return DimseStatus.of(rsp.status(), rsp.errorComment());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(channel.association().name() + ": interrupted during C-STORE");
        } catch (ExecutionException e) {
            throw new IOException(channel.association().name() + ": C-STORE failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IOException(channel.association().name() + ": no C-STORE-RSP within "
                    + RESPONSE_TIMEOUT_SECONDS + " s");
        }
    }

    /** The requestor's association stays open: nothing to release. */
    @Override
    public void close() throws IOException {
    }
}
