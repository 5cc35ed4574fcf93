package org.strata.jca;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseService;
import org.strata.dicom.net.dimse.Status;
import org.strata.jca.api.NOperation;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * DIMSE-N requests (PS3.7 10.1) as typed calls of {@code DicomServiceListener#nService}: the
 * command becomes an {@link NServiceRequest}, the data set is decoded, and the returned
 * {@link NServiceResponse} becomes the N-xxx-RSP (PS3.7 10.3).
 */
final class NServices implements DimseService {

    private final EndpointInvoker endpoint;
    private final OpenAssociations open;

    NServices(EndpointInvoker endpoint, OpenAssociations open) {
        this.endpoint = endpoint;
        this.open = open;
    }

    @Override
    public DimseResponse handle(DimseRequestContext rq) throws DimseException, IOException {
        NServiceRequest request = request(rq, open.handle(rq.channel(), rq.messageId()));
        Attributes dataSet = rq.command().hasDataSet() ? DataSets.decode(rq.dataSet(), rq.transferSyntax()) : null;
        NServiceResponse rsp = endpoint.call(l -> l.nService(ListenerServices.info(rq.association()), request, dataSet));
        return response(rsp, rq.transferSyntax());
    }

    static NServiceRequest request(DimseRequestContext rq, String replyHandle) throws DimseException {
        NOperation op;
        try {
            op = NOperation.ofRequestCode(rq.commandField().code());
        } catch (IllegalArgumentException e) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " is not supported here");
        }
        Command c = rq.command();
        int typeId = switch (op) {
            case N_ACTION -> c.getInt(CommandElement.ActionTypeID, 0);
            case N_EVENT_REPORT -> c.getInt(CommandElement.EventTypeID, 0);
            default -> 0;
        };
        List<Integer> identifiers = new ArrayList<>();
        if (op == NOperation.N_GET && c.contains(CommandElement.AttributeIdentifierList)) {
            for (int tag : c.getTags(CommandElement.AttributeIdentifierList)) {
                identifiers.add(tag);
            }
        }
        return new NServiceRequest(op, rq.sopClassUid(), rq.sopInstanceUid(), typeId, identifiers, rq.messageId(),
                replyHandle);
    }

    static DimseResponse response(NServiceResponse rsp, String transferSyntax) throws IOException {
        Command fields = new Command();
        if (rsp.status().comment() != null) {
            fields.set(CommandElement.ErrorComment, rsp.status().comment());
        }
        if (rsp.affectedSopInstanceUid() != null) {
            fields.set(CommandElement.AffectedSOPInstanceUID, rsp.affectedSopInstanceUid());
        }
        return new DimseResponse(rsp.status().code(), fields, DataSets.encode(rsp.dataSet(), transferSyntax));
    }
}
