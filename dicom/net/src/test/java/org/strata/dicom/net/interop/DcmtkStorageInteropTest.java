package org.strata.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.net.service.StorageDirectory;

/** C-ECHO and C-STORE in both directions against DCMTK's echoscu, storescu and storescp. */
class DcmtkStorageInteropTest {

    /** Distinct SOP instances in uncompressed syntaxes (storescu proposes only those by default). */
    static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm",
            "waveform_ecg.dcm", "reportsi.dcm");
    /** Also compressed and deflated data sets, which we send as they are. */
    static final List<String> OUR_FILES = java.util.stream.Stream.concat(FILES.stream(),
            Stream.of("liver_1frame.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm", "image_dfl.dcm")).toList();

    @TempDir
    Path tmp;
    private NetRuntime runtime;
    private DicomListener listener;

    @BeforeEach
    void setUp() {
        runtime = new NetRuntime("interop", 32);
    }

    @AfterEach
    void tearDown() {
        if (listener != null) {
            listener.close();
        }
        runtime.close();
    }

    private void startScp(Path storage) throws IOException {
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho()
                .register(DimseServiceRegistry.ANY, new StorageDirectory(storage));
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STRATA", List.of(
                new TransferCapability("*", Role.SCP, List.of("*"))));
        listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)));
    }

    @Test
    void dcmtkEchoscuToOurScp() throws Exception {
        startScp(tmp.resolve("in"));
        Path log = tmp.resolve("echoscu.log");
        int rc = Dcmtk.run(log, "echoscu", "-v", "-aet", "DCMTK", "-aec", "STRATA", "127.0.0.1",
                String.valueOf(listener.port()));
        assertEquals(0, rc, Files.readString(log));
        assertTrue(Files.readString(log).contains("Received Echo Response (Success)"), Files.readString(log));
    }

    @Test
    void dcmtkStorescuToOurScpDeliversIdenticalDataSets() throws Exception {
        Path in = tmp.resolve("in");
        startScp(in);
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", "DCMTK", "-aec", "STRATA",
                "127.0.0.1", String.valueOf(listener.port())));
        FILES.forEach(f -> cmd.add(Dcmtk.TEST_FILES.resolve(f).toString()));
        Path log = tmp.resolve("storescu.log");
        int rc = Dcmtk.run(log, cmd.toArray(String[]::new));
        assertEquals(0, rc, Files.readString(log));
        for (String f : FILES) {
            Path sent = Dcmtk.TEST_FILES.resolve(f);
            Path received = in.resolve(Part10Source.open(sent).sopInstanceUid() + ".dcm");
            assertTrue(Files.exists(received), f + " not received; " + Files.readString(log));
            DatasetCompare.assertSameDataSet(sent, received);
        }
    }

    @Test
    void ourEchoAndStoreToDcmtkStorescp() throws Exception {
        int port = Dcmtk.freePort();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process scp = Dcmtk.start(tmp.resolve("storescp.log"), port, "storescp", "-aet", "STORESCP", "-od",
                out.toString(), "+xa", String.valueOf(port));
        try {
            List<Part10Source> sources = new ArrayList<>();
            AssociateRqBuilder rq = new AssociateRqBuilder("STRATA-SCU", "STORESCP")
                    .addContext(DimseServiceRegistry.VERIFICATION, AssociateRqBuilder.IMPLICIT_VR_LE);
            for (String f : OUR_FILES) {
                Part10Source s = Part10Source.open(Dcmtk.TEST_FILES.resolve(f));
                sources.add(s);
                rq.addContext(s.sopClassUid(), s.transferSyntax());
            }
            try (DimseClient c = DimseClient.open(runtime, new RemoteAe("STORESCP", "127.0.0.1", port), rq.build(),
                    Timeouts.DEFAULT, null, new DimseServiceRegistry())) {
                assertEquals(Status.SUCCESS, c.echo().status());
                for (Part10Source s : sources) {
                    assertEquals(Status.SUCCESS, c.store(StoreRequest.of(s.sopClassUid(), s.sopInstanceUid(),
                            s.transferSyntax()), s.dataSet()).status(), s.file().toString());
                }
            }
            try (Stream<Path> received = Files.list(out)) {
                List<Path> files = received.toList();
                assertEquals(OUR_FILES.size(), files.size(), files.toString());
                for (Part10Source s : sources) {
                    Path r = files.stream().filter(p -> p.getFileName().toString().endsWith(s.sopInstanceUid()))
                            .findFirst().orElseThrow(() -> new AssertionError(s.sopInstanceUid() + " not received"));
                    DatasetCompare.assertSameDataSet(s.file(), r);
                }
            }
        } finally {
            Dcmtk.stop(scp);
        }
    }
}
