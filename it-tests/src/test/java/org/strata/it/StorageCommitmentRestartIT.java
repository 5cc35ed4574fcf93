package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/**
 * A storage commitment pending across a restart (PS3.4 J.3.3): the requester releases its
 * association and is unreachable, the archive stops, the requester starts listening, and after
 * the restart the report arrives on a new association. {@code ./strata run} as in CrashRecoveryIT.
 */
class StorageCommitmentRestartIT {

    static final String STGCMT = "1.2.840.10008.1.20.1";

    @TempDir
    Path data;

    @TempDir
    Path corpus;

    @Test
    void aPendingCommitmentIsReportedAfterARestart() throws Exception {
        int requesterPort = StrataProcess.freePort();
        try (StrataProcess strata = StrataProcess.start(data)) {
            strata.awaitConsole();
            String port = String.valueOf(strata.dicomPort());
            Http admin = Http.admin(strata.httpPort(), Files.readString(data.resolve("security/admin-password")).trim());
            assertEquals(201, admin.putJson("/strata/api/aes/STGCMT-RST", "{\"host\":\"127.0.0.1\",\"port\":"
                    + requesterPort + "}").statusCode());
            assertEquals(200, admin.putJson("/strata/api/settings/stgcmt.retry-seconds", "{\"value\":\"1\"}")
                    .statusCode());
            Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                    corpus.toString(), "2").start();
            assertEquals(0, gen.waitFor());
            Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", port, "+sd", corpus.toString());
            assertEquals(0, stored.exitCode(), stored.output());
            DicomTools.Result requested = DicomTools.run("stgcmt", "-c", "STRATA@127.0.0.1:" + port, "-b",
                    "STGCMT-RST", "--no-wait", corpus.toString());
            assertEquals(0, requested.exitCode(), requested.output());
            long deadline = System.currentTimeMillis() + 60_000;
            while (!strata.output().contains("report not delivered") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(strata.output().contains("report not delivered"), "a failed attempt before the restart");
            assertEquals(0, strata.stop());
        }

        CompletableFuture<Attributes> report = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger eventType = new java.util.concurrent.atomic.AtomicInteger();
        NetRuntime runtime = new NetRuntime("stgcmt-rst", 8);
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho().register(STGCMT, rq -> {
            eventType.set(rq.command().getInt(CommandElement.EventTypeID, 0));
            report.complete(DicomReader.read(rq.dataSet(), TransferSyntax.of(rq.transferSyntax())));
            return DimseResponse.SUCCESS;
        });
        List<String> ts = List.of(AssociateRqBuilder.EXPLICIT_VR_LE, AssociateRqBuilder.IMPLICIT_VR_LE);
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STGCMT-RST",
                List.of(new TransferCapability(STGCMT, Role.SCU, ts)));
        try (DicomListener listener = DicomListener.start(ListenerConfig.of("127.0.0.1", requesterPort, ae), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)));
                StrataProcess again = StrataProcess.start(data)) {
            again.awaitConsole();
            Attributes info = report.get(120, TimeUnit.SECONDS);
            assertEquals(1, eventType.get(), "all committed");
            assertEquals(2, info.getSequence(Tag.ReferencedSOPSequence).size());
            assertEquals(0, again.stop());
        } finally {
            runtime.close();
        }
    }
}
