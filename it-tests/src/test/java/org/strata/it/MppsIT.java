package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.NRequest;

/**
 * Modality Performed Procedure Step SCP (PS3.4 F.7) on the deployed EAR: our {@code mpps} tool
 * through IN PROGRESS → COMPLETED / DISCONTINUED with the worklist following, requests built
 * element by element for every refusal status of Table F.7.2-1 and F.7.2.2, and forwarding to a
 * configured AE.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MppsIT {

    static final String MPPS = "1.2.840.10008.3.1.2.3.3";
    static final String EXPLICIT = AssociateRqBuilder.EXPLICIT_VR_LE;
    static final Pattern UID_PRINTED = Pattern.compile("MPPS (\\S+): status 0x(\\w{4})");

    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    private void schedule(String spsId) throws Exception {
        String item = "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P-" + spsId + "\"]},\"00400100\":{\"vr\":\"SQ\",\"Value\":[{"
                + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]},\"00400002\":{\"vr\":\"DA\",\"Value\":[\"20261201\"]},"
                + "\"00400001\":{\"vr\":\"AE\",\"Value\":[\"MPPS-CT\"]},"
                + "\"00400009\":{\"vr\":\"SH\",\"Value\":[\"" + spsId + "\"]}}]}}";
        HttpResponse<String> r = admin.postJson("/strata/api/mwl", item);
        assertEquals(201, r.statusCode(), r.body());
    }

    private static String worklistStatus(String spsId) throws Exception {
        Dcmtk.Result r = WorklistIT.findscu(List.of("-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID="
                + spsId, "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStatus"));
        List<String> v = Dcmtk.values(r.output(), "0040,0020");
        assertEquals(1, v.size(), r.output());
        return v.get(0);
    }

    private static String[] printed(DicomTools.Result r) {
        Matcher m = UID_PRINTED.matcher(r.output());
        assertTrue(m.find(), r.output());
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    void inProgressThenCompletedWithTheWorklistFollowingAndNoChangeAfterwards(@TempDir Path dir) throws Exception {
        List<Path> files = StorageCommitmentIT.storedInstances(dir, 2);
        String sps = "SPS-M" + (System.nanoTime() % 100000000L);
        schedule(sps);
        DicomTools.Result created = DicomTools.run("mpps", "-c", DicomTools.strata(), "-b", "MPPS-CT", "create",
                "--sps-id", sps, dir.toString());
        assertEquals(0, created.exitCode(), created.output());
        String uid = printed(created)[0];
        assertEquals("STARTED", worklistStatus(sps));

        DicomTools.Result completed = DicomTools.run("mpps", "-c", DicomTools.strata(), "set", "--uid", uid,
                "--status", "COMPLETED", dir.toString());
        assertEquals(0, completed.exitCode(), completed.output());
        assertEquals("COMPLETED", worklistStatus(sps));
        String view = admin.get("/strata/api/mpps/" + uid).body();
        assertEquals("COMPLETED", Http.field(view, "status"), view);
        assertEquals(String.valueOf(files.size()), Http.field(view, "storedInstances"), view);

        DicomTools.Result again = DicomTools.run("mpps", "-c", DicomTools.strata(), "set", "--uid", uid,
                "--status", "DISCONTINUED", dir.toString());
        assertEquals(1, again.exitCode(), again.output());
        assertEquals("0110", printed(again)[1], again.output());
        assertTrue(again.output().contains("may no longer be updated"), again.output());
    }

    @Test
    void discontinuedForAWrongWorklistEntryFlagsTheInstancesAndKeepsThem(@TempDir Path dir) throws Exception {
        List<Path> files = StorageCommitmentIT.storedInstances(dir, 3);
        String sps = "SPS-D" + (System.nanoTime() % 100000000L);
        schedule(sps);
        String uid = printed(DicomTools.run("mpps", "-c", DicomTools.strata(), "create", "--sps-id", sps,
                dir.toString()))[0];
        DicomTools.Result discontinued = DicomTools.run("mpps", "-c", DicomTools.strata(), "set", "--uid", uid,
                "--status", "DISCONTINUED", "--reason", "110514", dir.toString());
        assertEquals(0, discontinued.exitCode(), discontinued.output());
        assertEquals("DISCONTINUED", worklistStatus(sps));
        String view = admin.get("/strata/api/mpps/" + uid).body();
        for (Path f : files) {
            assertTrue(view.contains(StorageCommitmentIT.uidOf(f)), "flagged: " + view);
        }
        assertEquals("3", Http.field(view, "storedInstances"), "nothing deleted: " + view);
    }

    // ---- requests built element by element (PS3.4 Table F.7.2-1)

    static Attributes validCreate() {
        Attributes ds = new Attributes().setString(Tag.PatientName, VR.PN, "EDGE^CASE")
                .setString(Tag.PatientID, VR.LO, "EDGE").setString(Tag.PerformedProcedureStepID, VR.SH, "PPS1")
                .setString(Tag.PerformedStationAETitle, VR.AE, "EDGE").setString(Tag.PerformedProcedureStepStartDate,
                        VR.DA, "20261201").setString(Tag.PerformedProcedureStepStartTime, VR.TM, "101010")
                .setString(Tag.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS").setString(Tag.Modality, VR.CS, "CT")
                .setString(Tag.PerformedProcedureStepEndDate, VR.DA).setString(Tag.PerformedProcedureStepEndTime, VR.TM);
        ds.newSequence(Tag.ScheduledStepAttributesSequence).newItem()
                .setString(Tag.StudyInstanceUID, VR.UI, "2.25." + System.nanoTime());
        ds.newSequence(Tag.PerformedSeriesSequence);
        return ds;
    }

    private static DimseRsp send(CommandField field, String uid, Attributes ds) throws Exception {
        try (NetRuntime runtime = new NetRuntime("mpps-it", 8);
                DimseClient c = DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1",
                        Integer.parseInt(System.getProperty("it.dicom.port"))),
                        new AssociateRqBuilder("MPPS-EDGE", "STRATA").addContext(MPPS, EXPLICIT).build(),
                        Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DicomWriter(bytes, TransferSyntax.of(EXPLICIT), WriteOptions.DEFAULT).writeDataset(ds);
            return c.await(c.nAsync(new NRequest(field, null, MPPS, uid, EXPLICIT, 0, null),
                    DataWriter.of(bytes.toByteArray())));
        }
    }

    @Test
    void everyRefusalHasItsStatus() throws Exception {
        String uid = "2.25.3" + System.nanoTime();
        assertEquals(0x0000, send(CommandField.N_CREATE_RQ, uid, validCreate()).status());
        DimseRsp duplicate = send(CommandField.N_CREATE_RQ, uid, validCreate());
        assertEquals(0x0111, duplicate.status(), duplicate.errorComment());

        Attributes noPpsId = validCreate();
        noPpsId.remove(Tag.PerformedProcedureStepID);
        assertEquals(0x0120, send(CommandField.N_CREATE_RQ, null, noPpsId).status(), "Type 1 missing");
        Attributes emptyModality = validCreate().setString(Tag.Modality, VR.CS);
        assertEquals(0x0121, send(CommandField.N_CREATE_RQ, null, emptyModality).status(), "Type 1 empty");
        Attributes noStudyUid = validCreate();
        noStudyUid.getSequence(Tag.ScheduledStepAttributesSequence).get(0).remove(Tag.StudyInstanceUID);
        assertEquals(0x0120, send(CommandField.N_CREATE_RQ, null, noStudyUid).status(), "Type 1 in the sequence");
        Attributes created = validCreate().setString(Tag.PerformedProcedureStepStatus, VR.CS, "COMPLETED");
        assertEquals(0x0106, send(CommandField.N_CREATE_RQ, null, created).status(), "created COMPLETED");

        DimseRsp unknown = send(CommandField.N_SET_RQ, "2.25.4" + System.nanoTime(),
                new Attributes().setString(Tag.PerformedProcedureStepDescription, VR.LO, "x"));
        assertEquals(0x0112, unknown.status());
        DimseRsp forbidden = send(CommandField.N_SET_RQ, uid, new Attributes().setString(Tag.PatientName, VR.PN, "X"));
        assertEquals(0x0106, forbidden.status(), "Patient's Name is not allowed in N-SET");
        DimseRsp badState = send(CommandField.N_SET_RQ, uid,
                new Attributes().setString(Tag.PerformedProcedureStepStatus, VR.CS, "FINISHED"));
        assertEquals(0x0106, badState.status());
        DimseRsp noEnd = send(CommandField.N_SET_RQ, uid,
                new Attributes().setString(Tag.PerformedProcedureStepStatus, VR.CS, "DISCONTINUED"));
        assertEquals(0x0121, noEnd.status(), "DISCONTINUED needs end date and time");
        DimseRsp update = send(CommandField.N_SET_RQ, uid,
                new Attributes().setString(Tag.PerformedProcedureStepDescription, VR.LO, "still running"));
        assertEquals(0x0000, update.status(), "an update IN PROGRESS is accepted");
        DimseRsp end = send(CommandField.N_SET_RQ, uid, new Attributes()
                .setString(Tag.PerformedProcedureStepStatus, VR.CS, "DISCONTINUED")
                .setString(Tag.PerformedProcedureStepEndDate, VR.DA, "20261201")
                .setString(Tag.PerformedProcedureStepEndTime, VR.TM, "111111"));
        assertEquals(0x0000, end.status(), end.errorComment());
        DimseRsp after = send(CommandField.N_SET_RQ, uid,
                new Attributes().setString(Tag.PerformedProcedureStepDescription, VR.LO, "too late"));
        assertEquals(0x0110, after.status());
    }

    @Test
    void createAndSetAreForwardedInOrderToTheConfiguredAe() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        NetRuntime runtime = new NetRuntime("mpps-fwd", 8);
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho().register(MPPS, rq -> {
            received.add(rq.commandField() + " " + rq.sopInstanceUid());
            return DimseResponse.SUCCESS;
        });
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("MPPS-FWD",
                List.of(new TransferCapability(MPPS, Role.SCP, List.of(EXPLICIT, AssociateRqBuilder.IMPLICIT_VR_LE))));
        try (DicomListener listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)))) {
            assertEquals(201, admin.putJson("/strata/api/aes/MPPS-FWD", "{\"host\":\"127.0.0.1\",\"port\":"
                    + listener.port() + "}").statusCode());
            assertEquals(200, admin.putJson("/strata/api/settings/mpps.forward-aets", "{\"value\":\"MPPS-FWD\"}")
                    .statusCode());
            String uid = "2.25.5" + System.nanoTime();
            assertEquals(0, send(CommandField.N_CREATE_RQ, uid, validCreate()).status());
            assertEquals(0, send(CommandField.N_SET_RQ, uid, new Attributes()
                    .setString(Tag.PerformedProcedureStepStatus, VR.CS, "DISCONTINUED")
                    .setString(Tag.PerformedProcedureStepEndDate, VR.DA, "20261201")
                    .setString(Tag.PerformedProcedureStepEndTime, VR.TM, "121212")).status());
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of("N_CREATE_RQ " + uid, "N_SET_RQ " + uid), received);
        } finally {
            admin.putJson("/strata/api/settings/mpps.forward-aets", "{\"value\":\"\"}");
            admin.delete("/strata/api/aes/MPPS-FWD");
            runtime.close();
        }
    }

}
