package org.strata.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.Association;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.DicomConnection;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.RemoteTarget;

/**
 * The outbound contract without a server: {@link DicomManagedConnectionFactory} under a pool that
 * behaves as IronJacamar's pool-by-CRI, against our own SCP on a loopback port.
 */
class OutboundConnectionTest {

    private static final String STGCMT = UID.StorageCommitmentPushModel;
    private static final String EXPLICIT = AssociationSpec.EXPLICIT_VR_LE;

    private final StrataResourceAdapter adapter = new StrataResourceAdapter();
    private final DicomManagedConnectionFactory mcf = new DicomManagedConnectionFactory();
    private final TestPool pool = new TestPool();
    private final NetRuntime scpRuntime = new NetRuntime("test-scp", 16);
    private final List<Association> scpAssociations = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DicomConnector connector;
    private DicomListener scp;

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
        connector = (DicomConnector) mcf.createConnectionFactory(pool);
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho().register(STGCMT, ctx -> {
            events.add(ctx.association().request().callingAeTitle() + ":" + ctx.commandField());
            if (ctx.sopInstanceUid() != null && ctx.sopInstanceUid().equals("1.2.666")) {
                ctx.association().abort(); // the peer breaks the association in the middle of a request
            }
            return DimseResponse.SUCCESS;
        });
        ApplicationEntityConfig ae = new ApplicationEntityConfig("MODALITY",
                List.of(new TransferCapability(STGCMT, Role.SCU, List.of(EXPLICIT))), Set.of(), 8);
        scp = DicomListener.start(new ListenerConfig("127.0.0.1", 0, List.of(ae), null, Timeouts.DEFAULT, 16384, 8),
                scpRuntime, AcceptorServices.of(as -> {
                    scpAssociations.add(as);
                    return new DimseChannel(as, registry, scpRuntime);
                }));
    }

    @AfterEach
    void stop() {
        pool.destroyAll();
        scp.close();
        scpRuntime.close();
        adapter.stop();
    }

    private AssociationSpec stgcmt(RemoteTarget.Role role) {
        return AssociationSpec.forNService(new RemoteTarget("STRATA", "MODALITY", "127.0.0.1", scp.port(), false,
                role), STGCMT);
    }

    private static OutboundRequest report(String instance) {
        Attributes info = new Attributes();
        info.setString(Tag.TransactionUID, VR.UI, instance);
        return OutboundRequest.eventReport(STGCMT, instance, 1, info);
    }

    @Test
    void equalRequestsReuseOnePooledAssociationProposingTheScpRole() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
                NServiceResponse rsp = c.send(report("1.2." + i));
                assertTrue(rsp.status().isSuccess());
                assertEquals(List.of(EXPLICIT), c.accepted(STGCMT));
            }
        }
        assertEquals(List.of("STRATA:N_EVENT_REPORT_RQ", "STRATA:N_EVENT_REPORT_RQ"), events);
        assertEquals(1, scpAssociations.size(), "the second request reuses the pooled association");
        assertEquals(1, pool.created);
        assertEquals(1, pool.idle());
        assertTrue(scpAssociations.get(0).established(), "an idle pooled association stays open");
    }

    @Test
    void anEventReportWithoutTheScpRoleIsAnIOExceptionAndDropsTheAssociation() throws Exception {
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCU))) {
            IOException refused = assertThrows(IOException.class, () -> c.send(report("1.2.1")));
            assertFalse(refused.getMessage().isEmpty());
        }
        assertEquals(0, pool.idle());
        assertEquals(1, pool.destroyed);
    }

    @Test
    void aFailedRequestReportsTheConnectionErrorAndThePoolOpensANewAssociation() throws Exception {
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertThrows(IOException.class, () -> c.send(report("1.2.666")));
            assertThrows(IOException.class, () -> c.send(report("1.2.1")), "the handle is dead after the error");
        }
        assertEquals(1, pool.destroyed, "CONNECTION_ERROR_OCCURRED made the pool destroy it");
        assertEquals(0, pool.idle());
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertTrue(c.send(report("1.2.2")).status().isSuccess());
        }
        assertEquals(2, scpAssociations.size());
    }

    @Test
    void anIdleAssociationThePeerClosedIsNotMatchedButReplaced() throws Exception {
        DicomManagedConnection first;
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertTrue(c.send(report("1.2.1")).status().isSuccess());
            first = ((DicomConnectionHandle) c).managedConnection();
        }
        scpAssociations.get(0).abort(); // e.g. the destination restarted
        first.client().association().awaitClosed(Duration.ofSeconds(10));
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertTrue(c.send(report("1.2.2")).status().isSuccess());
        }
        assertEquals(2, pool.created);
        assertEquals(1, pool.destroyed, "the broken association was destroyed at the next request");
        assertEquals(2, scpAssociations.size());
    }

    @Test
    void aRequestForOtherContextsReleasesTheIdleAssociationToTheSameAeBeforeOpeningItsOwn() throws Exception {
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertTrue(c.send(report("1.2.1")).status().isSuccess());
        }
        AssociationSpec explicitOnly = new AssociationSpec(stgcmt(RemoteTarget.Role.SCP).target(), List.of(
                new AssociationSpec.ProposedContext(STGCMT, List.of(EXPLICIT))));
        try (DicomConnection c = connector.connect(explicitOnly)) {
            assertEquals("released", scpAssociations.get(0).closeReason(), "released before the second opened");
            assertTrue(c.send(report("1.2.2")).status().isSuccess());
        }
        assertEquals(2, pool.created);
        assertEquals(1, pool.destroyed);
        assertEquals(1, pool.idle());
    }

    @Test
    void destroyReleasesTheAssociation() throws Exception {
        try (DicomConnection c = connector.connect(stgcmt(RemoteTarget.Role.SCP))) {
            assertTrue(c.send(report("1.2.1")).status().isSuccess());
        }
        pool.destroyAll();
        scpAssociations.get(0).awaitClosed(Duration.ofSeconds(10));
        assertEquals("released", scpAssociations.get(0).closeReason());
    }

    @Test
    void matchingNeedsTheSameTargetAndEveryRequestedContext() throws Exception {
        AssociationSpec spec = stgcmt(RemoteTarget.Role.SCP);
        DicomConnection c = connector.connect(spec);
        DicomManagedConnection mc = ((DicomConnectionHandle) c).managedConnection();
        c.close();
        assertSame(mc, mcf.matchManagedConnections(Set.of(mc), null, new AssociationRequestInfo(spec)));
        AssociationSpec otherAe = AssociationSpec.forNService(new RemoteTarget("STRATA", "OTHER", "127.0.0.1",
                scp.port(), false, RemoteTarget.Role.SCP), STGCMT);
        assertNull(mcf.matchManagedConnections(Set.of(mc), null, new AssociationRequestInfo(otherAe)));
        AssociationSpec moreContexts = AssociationSpec.forStorage(spec.target(),
                Map.of(STGCMT, Set.of(EXPLICIT), UID.CTImageStorage, Set.of(EXPLICIT)), Set.of());
        assertNull(mcf.matchManagedConnections(Set.of(mc), null, new AssociationRequestInfo(moreContexts)));
        assertTrue(AssociationSpec.forNService(spec.target(), STGCMT).servedBy(spec));
    }

    @Test
    void anUnstartedAdapterRefusesToConnect() {
        DicomManagedConnectionFactory detached = new DicomManagedConnectionFactory();
        DicomConnector unstarted = (DicomConnector) detached.createConnectionFactory();
        IOException e = assertThrows(IOException.class, () -> unstarted.connect(AssociationSpec.forNService(
                new RemoteTarget("A", "B", "127.0.0.1", 1, false, RemoteTarget.Role.SCU),
                UID.InstanceAvailabilityNotification)));
        assertNotNull(e.getMessage());
    }
}
