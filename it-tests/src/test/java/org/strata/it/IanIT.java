package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/**
 * Instance Availability Notification SCU (PS3.4 R) on the deployed EAR: a subscribed test SCP
 * receives the IAN of a study once no instance arrived for the idle time (set to 2 s here), and
 * when the study's MPPS completes, with every stored instance of the study.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IanIT {

    static final String IAN = "1.2.840.10008.5.1.4.33";

    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
    private final Map<String, Attributes> received = new ConcurrentHashMap<>();
    private NetRuntime runtime;
    private DicomListener listener;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeEach
    void subscribe() throws Exception {
        runtime = new NetRuntime("ian-scp", 8);
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho().register(IAN, rq -> {
            if (rq.commandField() != CommandField.N_CREATE_RQ) {
                return DimseResponse.of(0x0211);
            }
            Attributes ds = DicomReader.read(rq.dataSet(), TransferSyntax.of(rq.transferSyntax()));
            received.put(ds.getString(Tag.StudyInstanceUID) + "|" + rq.sopInstanceUid(), ds);
            return DimseResponse.SUCCESS;
        });
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("IAN-SCP", List.of(new TransferCapability(IAN,
                Role.SCP, List.of(AssociateRqBuilder.EXPLICIT_VR_LE, AssociateRqBuilder.IMPLICIT_VR_LE))));
        listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)));
        assertEquals(201, admin.putJson("/strata/api/aes/IAN-SCP", "{\"host\":\"127.0.0.1\",\"port\":"
                + listener.port() + "}").statusCode());
        admin.putJson("/strata/api/settings/ian.idle-seconds", "{\"value\":\"2\"}");
        admin.putJson("/strata/api/settings/ian.subscribers", "{\"value\":\"IAN-SCP\"}");
    }

    @AfterEach
    void unsubscribe() throws Exception {
        admin.putJson("/strata/api/settings/ian.subscribers", "{\"value\":\"\"}");
        admin.delete("/strata/api/aes/IAN-SCP");
        listener.close();
        runtime.close();
    }

    /** The IANs received for a study, waiting up to 30 s for the first. */
    private List<Attributes> iansOf(String studyUid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Attributes> found = received.entrySet().stream().filter(e -> e.getKey().startsWith(studyUid + "|"))
                    .map(Map.Entry::getValue).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no IAN for study " + studyUid + "; received " + received.keySet());
    }

    private static TreeSet<String> referenced(Attributes ian) {
        TreeSet<String> uids = new TreeSet<>();
        for (Attributes series : ian.getSequence(Tag.ReferencedSeriesSequence)) {
            for (Attributes ref : series.getSequence(Tag.ReferencedSOPSequence)) {
                assertEquals("ONLINE", ref.getString(Tag.InstanceAvailability));
                assertEquals("STRATA", ref.getString(Tag.RetrieveAETitle));
                uids.add(ref.getString(Tag.ReferencedSOPInstanceUID));
            }
        }
        return uids;
    }

    private static TreeSet<String> uids(List<Path> files) {
        TreeSet<String> uids = new TreeSet<>();
        files.forEach(f -> uids.add(StorageCommitmentIT.uidOf(f)));
        return uids;
    }

    @Test
    void anIdleStudyIsNotifiedWithAllItsInstances(@TempDir Path dir) throws Exception {
        List<Path> files = StorageCommitmentIT.storedInstances(dir, 3);
        String study = studyOf(files.get(0));
        List<Attributes> ians = iansOf(study);
        assertEquals(1, ians.size(), "one IAN per idle period");
        assertEquals(uids(files), referenced(ians.get(0)));
        assertTrue(ians.get(0).getSequence(Tag.ReferencedPerformedProcedureStepSequence).isEmpty());
    }

    @Test
    void aCompletedMppsNotifiesItsStudyReferencingTheMpps(@TempDir Path dir) throws Exception {
        admin.putJson("/strata/api/settings/ian.idle-seconds", "{\"value\":\"3600\"}");
        List<Path> files = StorageCommitmentIT.storedInstances(dir, 2);
        DicomTools.Result created = DicomTools.run("mpps", "-c", DicomTools.strata(), "create", dir.toString());
        String mpps = created.output().replaceAll("(?s).*MPPS (\\S+): status.*", "$1");
        assertEquals(0, DicomTools.run("mpps", "-c", DicomTools.strata(), "set", "--uid", mpps, "--status",
                "COMPLETED", dir.toString()).exitCode());
        List<Attributes> ians = iansOf(studyOf(files.get(0)));
        assertEquals(uids(files), referenced(ians.get(0)));
        assertEquals(mpps, ians.get(0).getSequence(Tag.ReferencedPerformedProcedureStepSequence).get(0)
                .getString(Tag.ReferencedSOPInstanceUID));
    }

    static String studyOf(Path file) throws Exception {
        return org.strata.dicom.core.io.Part10Reader.read(file).dataset().getString(Tag.StudyInstanceUID);
    }
}
