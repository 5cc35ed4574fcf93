package org.strata.jca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.assoc.Association;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseService;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.QueryRequest;
import org.strata.jca.api.RetrieveOutcome;
import org.strata.jca.api.RetrieveRequest;
import org.strata.jca.api.StoreRequest;

/**
 * The DIMSE services of one activation: each request becomes one typed call on the message
 * endpoint, whose returned status is the response.
 */
final class ListenerServices {

    /** C-FIND information models (PS3.4 C.6): Patient Root, Study Root, Patient/Study Only (retired). */
    static final List<String> QUERY_MODELS = List.of(UID.PatientRootQueryRetrieveInformationModelFind,
            UID.StudyRootQueryRetrieveInformationModelFind, UID.PatientStudyOnlyQueryRetrieveInformationModelFind);

    /** C-MOVE and C-GET information models (PS3.4 C.6): Patient Root, Study Root, Patient/Study Only. */
    static final List<String> RETRIEVE_MODELS = List.of(
            UID.PatientRootQueryRetrieveInformationModelMove, UID.PatientRootQueryRetrieveInformationModelGet,
            UID.StudyRootQueryRetrieveInformationModelMove, UID.StudyRootQueryRetrieveInformationModelGet,
            UID.PatientStudyOnlyQueryRetrieveInformationModelMove, UID.PatientStudyOnlyQueryRetrieveInformationModelGet);

    /** The C-FIND model answered by the Modality Worklist SCP (PS3.4 K.6.1.2). */
    static final String WORKLIST_MODEL = UID.ModalityWorklistInformationModelFind;

    /**
     * SOP classes whose DIMSE-N requests go to {@code DicomServiceListener#nService}: Storage
     * Commitment Push Model (PS3.4 J), Modality Performed Procedure Step (PS3.4 F.7), Media
     * Creation Management (PS3.4 S). The archive routes them further by SOP class.
     */
    static final List<String> N_SERVICE_CLASSES = List.of(UID.StorageCommitmentPushModel,
            UID.ModalityPerformedProcedureStep, UID.MediaCreationManagement);

    private ListenerServices() {
    }

    static DimseServiceRegistry registry(EndpointInvoker endpoint, NetRuntime runtime,
                                         OpenAssociations openAssociations) {
        DimseService echo = rq -> {
            expect(rq, CommandField.C_ECHO_RQ);
            return response(endpoint.call(l -> l.echo(info(rq.association()))));
        };
        DimseService storage = rq -> {
            expect(rq, CommandField.C_STORE_RQ);
            StoreRequest store = new StoreRequest(rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntax(),
                    rq.command().getInt(CommandElement.Priority, 0),
                    rq.command().getString(CommandElement.MoveOriginatorApplicationEntityTitle),
                    rq.command().getInt(CommandElement.MoveOriginatorMessageID, 0));
            return response(endpoint.call(l -> l.store(info(rq.association()), store, rq.dataSet())));
        };
        DimseService find = rq -> {
            expect(rq, CommandField.C_FIND_RQ);
            Attributes identifier = DicomReader.read(rq.dataSet(), TransferSyntax.of(rq.transferSyntax()));
            QueryRequest query = new QueryRequest(rq.sopClassUid(), rq.command().getInt(CommandElement.Priority, 0),
                    QueryNegotiation.accepted(rq.association(), rq.sopClassUid()));
            DimseStatus status = endpoint.call(l -> l.find(info(rq.association()), query, identifier,
                    new FindResponder(rq)));
            return rq.cancelled() ? DimseResponse.of(Status.CANCEL) : response(status);
        };
        DimseService retrieve = rq -> {
            CommandField field = rq.commandField();
            if (field != CommandField.C_MOVE_RQ && field != CommandField.C_GET_RQ) {
                throw new DimseException(Status.UNRECOGNIZED_OPERATION, field + " is not supported here");
            }
            TransferSyntax ts = TransferSyntax.of(rq.transferSyntax());
            Attributes identifier = DicomReader.read(rq.dataSet(), ts);
            RetrieveRequest request = new RetrieveRequest(rq.sopClassUid(), rq.messageId(),
                    rq.command().getInt(CommandElement.Priority, 0),
                    field == CommandField.C_MOVE_RQ ? rq.command().getString(CommandElement.MoveDestination) : null);
            RetrieveOutcome outcome = endpoint.call(l -> l.retrieve(info(rq.association()), request, identifier,
                    new AdapterRetrieveContext(rq)));
            return retrieveResponse(rq.cancelled() ? DimseStatus.of(Status.CANCEL, null) : outcome.status(), outcome, ts);
        };
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .register(DimseServiceRegistry.VERIFICATION, echo)
                .register(DimseServiceRegistry.ANY, storage);
        QUERY_MODELS.forEach(uid -> registry.register(uid, find));
        registry.register(WORKLIST_MODEL, find);
        NServices nServices = new NServices(endpoint, openAssociations);
        N_SERVICE_CLASSES.forEach(uid -> registry.register(uid, nServices));
        RETRIEVE_MODELS.forEach(uid -> registry.register(uid, retrieve));
        return registry;
    }

    private static void expect(DimseRequestContext rq, CommandField field) throws DimseException {
        if (rq.commandField() != field) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " is not supported here");
        }
    }

    static AssociationInfo info(Association as) {
        return new AssociationInfo(as.name(), as.request().callingAeTitle(), as.request().calledAeTitle(),
                as.remoteAddress());
    }

    /** Final C-MOVE/C-GET response: counts, and the Failed SOP Instance UID List (PS3.4 C.4.2.1.4). */
    private static DimseResponse retrieveResponse(DimseStatus status, RetrieveOutcome o, TransferSyntax ts)
            throws IOException {
        Command fields = AdapterRetrieveContext.counts(o.completed(), o.failed(), o.warning());
        if (status.comment() != null) {
            fields.set(CommandElement.ErrorComment, status.comment());
        }
        DimseResponse rsp = new DimseResponse(status.code(), fields, null);
        if (o.failedSopInstanceUids().isEmpty()) {
            return rsp;
        }
        Attributes failed = new Attributes().setString(Tag.FailedSOPInstanceUIDList, VR.UI,
                o.failedSopInstanceUids().toArray(String[]::new));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DicomWriter(bytes, ts, WriteOptions.DEFAULT).writeDataset(failed);
        return rsp.withDataSet(DataWriter.of(bytes.toByteArray()));
    }

    private static DimseResponse response(DimseStatus status) throws IOException {
        return status.comment() == null ? DimseResponse.of(status.code())
                : DimseResponse.of(status.code(), status.comment());
    }
}
