package org.strata.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.NRequest;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.NOperation;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.RemoteTarget;

/**
 * The adapter's DIMSE-N mapping without a server: a real listener on a loopback port, a mocked
 * work manager running work on threads, a recording message endpoint, and our own SCU/SCP.
 */
class NServicesTest {

    private static final String STGCMT = UID.StorageCommitmentPushModel;
    private static final String EXPLICIT = AssociateRqBuilder.EXPLICIT_VR_LE;

    private final StrataResourceAdapter adapter = new StrataResourceAdapter();
    private final RecordingEndpoint endpoint = new RecordingEndpoint();
    private final DicomManagedConnectionFactory mcf = new DicomManagedConnectionFactory();
    private DicomConnector connector;
    private final NetRuntime scuRuntime = new NetRuntime("test-scu", 32);
    private MessageEndpointFactory factory;
    private DicomActivationSpec spec;
    private int port;

    @BeforeEach
    void start() throws Exception {
        BootstrapContext context = mock(BootstrapContext.class);
        WorkManager workManager = mock(WorkManager.class);
        when(context.getWorkManager()).thenReturn(workManager);
        doAnswer(inv -> {
            Thread t = new Thread(((Work) inv.getArgument(0))::run);
            t.setDaemon(true);
            t.start();
            return null;
        }).when(workManager).scheduleWork(any(Work.class), anyLong(), any(), any());
        adapter.start(context);
        mcf.setResourceAdapter(adapter);
        connector = (DicomConnector) mcf.createConnectionFactory();
        factory = mock(MessageEndpointFactory.class);
        when(factory.createEndpoint(null)).thenReturn(endpoint);
        spec = new DicomActivationSpec();
        spec.setAeTitle("STRATA");
        spec.setPort(0);
        spec.setBindAddress("127.0.0.1");
        adapter.endpointActivation(factory, spec);
        port = adapter.port(factory, spec);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        scuRuntime.close();
    }

    /** An SCU association proposing the N-service classes; N-EVENT-REPORTs it receives are recorded. */
    private DimseClient scu(List<Attributes> reports, List<Integer> eventTypes) throws IOException {
        AssociateRqBuilder rq = new AssociateRqBuilder("MODALITY", "STRATA");
        for (String uid : List.of(STGCMT, UID.ModalityPerformedProcedureStep, UID.MediaCreationManagement)) {
            rq.addContext(uid, EXPLICIT);
        }
        DimseServiceRegistry incoming = DimseServiceRegistry.withEcho().register(STGCMT, ctx -> {
            eventTypes.add(ctx.command().getInt(CommandElement.EventTypeID, -1));
            reports.add(DicomReader.read(ctx.dataSet(), TransferSyntax.of(ctx.transferSyntax())));
            return DimseResponse.SUCCESS;
        });
        return DimseClient.open(scuRuntime, new RemoteAe("STRATA", "127.0.0.1", port), rq.build(),
                Timeouts.DEFAULT, null, incoming);
    }

    private static DataWriter encode(Attributes a) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        new DicomWriter(out, TransferSyntax.of(EXPLICIT), WriteOptions.DEFAULT).writeDataset(a);
        return DataWriter.of(out.toByteArray());
    }

    private static Attributes transaction(String uid) {
        return new Attributes().setString(Tag.TransactionUID, VR.UI, uid);
    }

    @Test
    void nActionIsDeliveredTypedAndTheEventReportGoesBackOnTheSameAssociation() throws Exception {
        List<Attributes> reports = new CopyOnWriteArrayList<>();
        List<Integer> eventTypes = new CopyOnWriteArrayList<>();
        try (DimseClient scu = scu(reports, eventTypes)) {
            DimseRsp rsp = scu.await(scu.nAsync(new NRequest(CommandField.N_ACTION_RQ, null, STGCMT,
                    UID.StorageCommitmentPushModelInstance, EXPLICIT, 1, null), encode(transaction("1.2.3.4"))));
            assertEquals(0, rsp.status());

            assertEquals(1, endpoint.nRequests.size());
            RecordingEndpoint.Delivered d = endpoint.nRequests.get(0);
            assertEquals(NOperation.N_ACTION, d.request().operation());
            assertEquals(STGCMT, d.request().sopClassUid());
            assertEquals(UID.StorageCommitmentPushModelInstance, d.request().sopInstanceUid());
            assertEquals(1, d.request().typeId());
            assertEquals("1.2.3.4", d.dataSet().getString(Tag.TransactionUID));
            assertEquals("MODALITY", d.association().callingAeTitle());

            NServiceResponse reply = connector.sendOnAssociation(d.request().replyHandle(),
                    OutboundRequest.eventReport(STGCMT, UID.StorageCommitmentPushModelInstance, 2,
                            transaction("1.2.3.4"))).orElseThrow();
            assertTrue(reply.status().isSuccess());
            assertEquals(List.of(2), eventTypes);
            assertEquals("1.2.3.4", reports.get(0).getString(Tag.TransactionUID));
            String handle = d.request().replyHandle();
            scu.release();
            scu.association().awaitClosed(java.time.Duration.ofSeconds(5));
            long deadline = System.currentTimeMillis() + 5000;
            while (adapter.openAssociations().find(handle).isPresent() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(connector.sendOnAssociation(handle, OutboundRequest.eventReport(STGCMT,
                    UID.StorageCommitmentPushModelInstance, 1, transaction("1.2.3.4"))).isEmpty(),
                    "a closed association is no longer offered");
        }
    }

    @Test
    void nCreateMayLeaveTheInstanceUidToTheScpAndGetsStatusCommentAndDataSetBack() throws Exception {
        endpoint.answer = rq -> rq.sopInstanceUid() == null
                ? new NServiceResponse(DimseStatus.SUCCESS, transaction("9.9"), "1.2.826.0.1.3680043.99.1")
                : NServiceResponse.of(0x0111, "duplicate SOP instance");
        try (DimseClient scu = scu(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>())) {
            Attributes mpps = new Attributes().setString(Tag.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
            DimseRsp created = scu.await(scu.nAsync(new NRequest(CommandField.N_CREATE_RQ, null,
                    UID.ModalityPerformedProcedureStep, null, EXPLICIT, 0, null), encode(mpps)));
            assertEquals(0, created.status());
            assertEquals("1.2.826.0.1.3680043.99.1", created.command().getString(CommandElement.AffectedSOPInstanceUID));
            assertEquals("9.9", DicomReader.read(new ByteArrayInputStream(created.dataSet()),
                    TransferSyntax.of(EXPLICIT)).getString(Tag.TransactionUID));
            NServiceRequest delivered = endpoint.nRequests.get(0).request();
            assertEquals(NOperation.N_CREATE, delivered.operation());
            assertNull(delivered.sopInstanceUid());
            assertEquals("IN PROGRESS", endpoint.nRequests.get(0).dataSet().getString(Tag.PerformedProcedureStepStatus));

            DimseRsp duplicate = scu.await(scu.nAsync(new NRequest(CommandField.N_CREATE_RQ, null,
                    UID.ModalityPerformedProcedureStep, "1.2.3", EXPLICIT, 0, null), encode(mpps)));
            assertEquals(0x0111, duplicate.status());
            assertEquals("duplicate SOP instance", duplicate.errorComment());
            assertEquals("1.2.3", duplicate.command().getString(CommandElement.AffectedSOPInstanceUID));
        }
    }

    @Test
    void nGetAttributeListAndNSetAndNDeleteAreMapped() throws Exception {
        try (DimseClient scu = scu(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>())) {
            String mpps = UID.ModalityPerformedProcedureStep;
            scu.await(scu.nAsync(new NRequest(CommandField.N_GET_RQ, null, mpps, "1.2.3", EXPLICIT, 0,
                    new int[] {Tag.PerformedProcedureStepStatus, Tag.PatientName}), null));
            scu.await(scu.nAsync(new NRequest(CommandField.N_SET_RQ, null, mpps, "1.2.3", EXPLICIT, 0, null),
                    encode(new Attributes().setString(Tag.PerformedProcedureStepStatus, VR.CS, "COMPLETED"))));
            scu.await(scu.nAsync(new NRequest(CommandField.N_DELETE_RQ, null, UID.MediaCreationManagement, "1.2.4",
                    EXPLICIT, 0, null), null));
            List<NServiceRequest> rqs = endpoint.nRequests.stream().map(RecordingEndpoint.Delivered::request).toList();
            assertEquals(List.of(NOperation.N_GET, NOperation.N_SET, NOperation.N_DELETE),
                    rqs.stream().map(NServiceRequest::operation).toList());
            assertEquals(List.of(Tag.PerformedProcedureStepStatus, Tag.PatientName), rqs.get(0).attributeIdentifiers());
            assertNull(endpoint.nRequests.get(0).dataSet());
            assertEquals("COMPLETED", endpoint.nRequests.get(1).dataSet().getString(Tag.PerformedProcedureStepStatus));
            assertEquals("1.2.4", rqs.get(2).sopInstanceUid());
            assertEquals(UID.MediaCreationManagement, rqs.get(2).sopClassUid());
        }
    }

    @Test
    void worklistFindReachesTheFindMethodWithItsModel() throws Exception {
        AssociateRqBuilder rq = new AssociateRqBuilder("MODALITY", "STRATA")
                .addContext(UID.ModalityWorklistInformationModelFind, EXPLICIT);
        try (DimseClient scu = DimseClient.open(scuRuntime, new RemoteAe("STRATA", "127.0.0.1", port), rq.build(),
                Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho())) {
            DimseRsp rsp = scu.await(scu.findAsync(UID.ModalityWorklistInformationModelFind, EXPLICIT,
                    org.strata.dicom.net.dimse.Priority.MEDIUM, encode(new Attributes().setString(Tag.PatientName,
                            VR.PN, "DOE*")), org.strata.dicom.net.dimse.ResponseListener.IGNORE));
            assertEquals(0, rsp.status());
            assertEquals(List.of(UID.ModalityWorklistInformationModelFind), endpoint.findModels);
        }
    }
}
