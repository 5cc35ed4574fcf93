package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media creation on the deployed EAR through {@code /strata/api/media}: a study stored with DCMTK's
 * storescu in five transfer syntaxes becomes an STD-GEN-CD ISO whose DICOMDIR dciodvfy, dcmdump,
 * dcmmkdir and pydicom accept, holding every instance once in Explicit VR Little Endian with the
 * pixels DCMTK (GDCM for JPEG 2000) decompresses; ZIP output; unknown instances; a disc robot's
 * hot folder (PTBurn JRQ) driven by a fake robot to DONE and to FAILURE; cancel; the ISO read back
 * by the File-Set Reader import; Media Creation Management (PS3.4 Annex S) driven by dcmjs-dimse.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaCreationIT {

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    @TempDir
    static Path work;

    static String study;
    /** SOP Instance UID → file as stored (for its decompressed reference). */
    static final Map<String, Path> stored = new LinkedHashMap<>();
    /** SOP Instance UID → DCMTK's (or GDCM's) decompression of it; absent for the SR. */
    static final Map<String, Path> references = new HashMap<>();

    final MediaApi api = new MediaApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void storeAStudyInFiveTransferSyntaxes() throws Exception {
        MediaStudy media = MediaStudy.storeNew(work.resolve("study"));
        study = media.studyUid();
        for (MediaStudy.File f : media.files()) {
            Path file = f.path();
            String uid = file.getFileName().toString().replace(".dcm", "");
            stored.put(uid, file);
            Path reference = work.resolve(uid + ".ref.dcm");
            switch (f.transferSyntaxUid()) {
                case EXPLICIT_LE -> reference = file;
                case "1.2.840.10008.1.2.5" -> assertEquals(0, Dcmtk.run("dcmdrle", file.toString(), reference.toString()).exitCode());
                case "1.2.840.10008.1.2.4.80" -> assertEquals(0, Dcmtk.run("dcmdjpls", file.toString(), reference.toString()).exitCode());
                case "1.2.840.10008.1.2.4.50" -> assertEquals(0, Dcmtk.run("dcmdjpeg", file.toString(), reference.toString()).exitCode());
                // DCMTK 3.6.7 has no JPEG 2000 decoder: GDCM (OpenJPEG) decompresses it
                case "1.2.840.10008.1.2.4.90" -> assertEquals(0, Dcmtk.run("gdcmconv", "--raw", file.toString(), reference.toString()).exitCode());
                default -> throw new AssertionError("no reference decoder for " + f.transferSyntaxUid());
            }
            references.put(uid, reference);
        }
    }

    @Test
    void anStdGenCdIsoOfTheStudyIsValidAndHoldsEveryInstanceDecompressedAsDcmtkDoes() throws Exception {
        String id = api.create("{\"studies\":[\"" + study + "\"],\"profile\":\"STD-GEN-CD\",\"output\":\"iso\","
                + "\"copies\":1,\"label\":\"Media IT\"}");
        assertTrue(id.startsWith("2.25."), id);
        String json = api.awaitFinished(id, Duration.ofMinutes(3));
        assertEquals("DONE", Http.field(json, "status"), json);
        assertEquals(String.valueOf(stored.size()), Http.field(json, "total"), json);
        assertEquals(String.valueOf(stored.size()), Http.field(json, "written"), json);
        assertEquals("1", Http.field(json, "numberOfPieces"), json);

        Path iso = work.resolve("media.iso");
        assertEquals(200, api.download("/strata/api/media/" + id + "/pieces/1", iso).statusCode());
        String listing = run("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f");
        assertTrue(listing.contains("'/DICOMDIR'") && listing.contains("'/README.TXT'")
                && listing.contains("'/INDEX.HTM'"), listing);
        Path disc = work.resolve("disc");
        run("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", disc.toString());
        Path dicomdir = disc.resolve("DICOMDIR");
        assertTrue(Files.isRegularFile(dicomdir));

        Dcmtk.Result verify = Dcmtk.run("dciodvfy", dicomdir.toString());
        assertFalse(verify.output().lines().anyMatch(l -> l.startsWith("Error")), verify.output());
        assertEquals(0, Dcmtk.run("dcmdump", dicomdir.toString()).exitCode());

        List<String> pydicom = List.of(run("/usr/bin/python3", "src/test/python/read_fileset.py", dicomdir.toString())
                .strip().split("\n"));
        assertEquals(stored.size(), pydicom.size(), String.join("\n", pydicom));
        Set<String> seen = new HashSet<>();
        List<String> fileIds = new ArrayList<>();
        for (String line : pydicom) {
            String[] f = line.split("\t");
            assertTrue(seen.add(f[0]), "once: " + f[0]);
            assertTrue(stored.containsKey(f[0]), "requested: " + f[0]);
            assertEquals(EXPLICIT_LE, f[1], "STD-GEN-CD allows Explicit VR Little Endian only: " + f[0]);
            Path onDisc = Path.of(f[2]);
            fileIds.add(disc.relativize(onDisc).toString());
            if (hasPixelData(references.get(f[0]))) {
                String same = run("/usr/bin/python3", "src/test/python/same_pixels.py",
                        references.get(f[0]).toString(), onDisc.toString());
                assertEquals("same", same.strip(), f[0]);
            }
        }
        // DCMTK's own File-set Creator accepts the file-set in update mode (STD-GEN-CD checks)
        List<String> mkdir = new ArrayList<>(List.of("+U", "-w", "+id", disc.toString(), "+D", dicomdir.toString()));
        mkdir.addAll(fileIds);
        Dcmtk.Result update = Dcmtk.run("dcmmkdir", mkdir);
        assertEquals(0, update.exitCode(), update.output());
        assertFalse(update.output().contains("E: "), update.output());

        // our File-Set Reader reads the ISO back and stores every instance through the normal ingest path
        java.io.ByteArrayOutputStream importOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream importErr = new java.io.ByteArrayOutputStream();
        int rc = new org.strata.dicom.tools.net.ImportCommand().run(List.of("-c", "STRATA@127.0.0.1:"
                + System.getProperty("it.dicom.port"), iso.toString()), new java.io.PrintStream(importOut, true),
                new java.io.PrintStream(importErr, true));
        assertEquals(0, rc, importOut + "\n" + importErr);
        assertTrue(importOut.toString().contains("imported " + stored.size() + ", duplicate 0, failed 0 (from DICOMDIR)"),
                importOut.toString());
    }

    private static boolean hasPixelData(Path file) throws IOException, InterruptedException {
        return !Dcmtk.run("dcmdump", "+P", "7fe0,0010", "-q", file.toString()).output().isBlank();
    }

    @Test
    void aZipOfChosenInstancesUnpacksToAFileSet() throws Exception {
        List<String> two = new ArrayList<>(stored.keySet()).subList(0, 2);
        String id = api.create("{\"instances\":[\"" + String.join("\",\"", two) + "\"],\"output\":\"zip\"}");
        String json = api.awaitFinished(id, Duration.ofMinutes(2));
        assertEquals("DONE", Http.field(json, "status"), json);
        Path zip = work.resolve("media.zip");
        assertEquals(200, api.download("/strata/api/media/" + id + "/pieces/1", zip).statusCode());
        Path into = work.resolve("unzipped");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> {
                try {
                    Path target = into.resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    Files.copy(z.getInputStream(e), target);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        List<String> pydicom = List.of(run("/usr/bin/python3", "src/test/python/read_fileset.py",
                into.resolve("DICOMDIR").toString()).strip().split("\n"));
        assertEquals(Set.copyOf(two), Set.copyOf(pydicom.stream().map(l -> l.split("\t")[0]).toList()));
        assertEquals(404, api.get("/strata/api/media/" + id + "/pieces/2").statusCode());
    }

    @Test
    void theViewerFolderIsCopiedOntoTheMediumAndTheBarcodeIsChecked() throws Exception {
        String one = stored.keySet().iterator().next();
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        var unconfigured = api.post("/strata/api/media", "{\"instances\":[\"" + one + "\"],\"viewer\":true}");
        assertEquals(400, unconfigured.statusCode(), unconfigured.body());
        assertTrue(Http.field(unconfigured.body(), "error").contains("media.viewer.folder"), unconfigured.body());
        assertEquals(400, api.post("/strata/api/media", "{\"instances\":[\"" + one + "\"],\"barcode\":\"Zürich\"}")
                .statusCode(), "Code 128 set B holds printable ASCII only");

        Path viewer = Files.createDirectories(work.resolve("viewer/bin"));
        Files.writeString(viewer.resolve("viewer.sh"), "#!/bin/sh\necho viewer\n");
        Files.writeString(work.resolve("viewer/AUTORUN.INF"), "[autorun]\nopen=bin\\viewer.exe\n");
        admin.putJson("/strata/api/settings/media.viewer.folder", "{\"value\":\"" + work.resolve("viewer") + "\"}");
        String id = api.create("{\"instances\":[\"" + one + "\"],\"output\":\"zip\",\"viewer\":true,"
                + "\"barcode\":\"ACC-42\"}");
        String json = api.awaitFinished(id, Duration.ofMinutes(2));
        assertEquals("DONE", Http.field(json, "status"), json);
        Path zip = work.resolve("viewer.zip");
        assertEquals(200, api.download("/strata/api/media/" + id + "/pieces/1", zip).statusCode());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals("#!/bin/sh\necho viewer\n",
                    new String(z.getInputStream(z.getEntry("VIEWER/bin/viewer.sh")).readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(z.getEntry("VIEWER/AUTORUN.INF") != null);
            assertTrue(z.getEntry("DICOMDIR") != null);
        }
    }

    @Test
    void instancesThatAreNotStoredFailTheRequestWithTheirList() throws Exception {
        String known = stored.keySet().iterator().next();
        String id = api.create("{\"instances\":[\"" + known + "\",\"1.2.3.4.5.6.7.8.9\"],\"output\":\"iso\"}");
        String json = api.awaitFinished(id, Duration.ofMinutes(1));
        assertEquals("FAILURE", Http.field(json, "status"), json);
        assertEquals("NO_INSTANCE", Http.field(json, "statusInfo"), json);
        assertTrue(json.contains("\"failedSopInstanceUids\":[\"1.2.3.4.5.6.7.8.9\"]"), json);
        assertTrue(json.contains("\"pieces\":[]"), json);
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        assertEquals(400, api.post("/strata/api/media", "{\"output\":\"iso\"}").statusCode());
        var profile = api.post("/strata/api/media", "{\"studies\":[\"" + study + "\"],\"profile\":\"STD-XYZ\"}");
        assertEquals(400, profile.statusCode());
        assertEquals("unknown media application profile 'STD-XYZ'", Http.field(profile.body(), "error"));
        assertEquals(400, api.post("/strata/api/media", "{\"studies\":[\"" + study + "\"],\"output\":\"tape\"}").statusCode());
        assertEquals(400, api.post("/strata/api/media", "{\"studies\":[\"x; rm\"]}").statusCode());
        assertEquals(404, api.get("/strata/api/media/1.2.3").statusCode());
        assertEquals(404, api.post("/strata/api/media/1.2.3/cancel", "").statusCode());
        assertEquals(401, Http.anonymous(Deployments.httpPort()).get("/strata/api/media/1.2.3").statusCode());
    }

    @Test
    void aFakeRobotBurnsOneRequestAndFailsAnotherAndACancelWithdrawsTheJob() throws Exception {
        Path hot = Files.createDirectories(work.resolve("hot"));
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        admin.putJson("/strata/api/settings/media.burner.folder", "{\"value\":\"" + hot + "\"}");
        admin.putJson("/strata/api/settings/media.burner.format", "{\"value\":\"ptburn\"}");
        admin.putJson("/strata/api/settings/media.burner.timeout", "{\"value\":\"60\"}");
        FakeRobot robot = new FakeRobot(hot);
        robot.start();
        try {
            String one = stored.keySet().iterator().next();
            String ok = api.create("{\"instances\":[\"" + one + "\"],\"output\":\"burner\",\"copies\":1}");
            String json = api.awaitFinished(ok, Duration.ofMinutes(2));
            assertEquals("DONE", Http.field(json, "status"), json);
            assertTrue(robot.burnt.stream().anyMatch(j -> j.contains("Copies=1") && j.contains("ImageFile=" + hot)),
                    robot.burnt.toString());

            // the fake robot has no discs for more than one copy
            String failing = api.create("{\"instances\":[\"" + one + "\"],\"output\":\"burner\",\"copies\":3}");
            json = api.awaitFinished(failing, Duration.ofMinutes(2));
            assertEquals("FAILURE", Http.field(json, "status"), json);
            assertEquals("MCD_FAILURE", Http.field(json, "statusInfo"), json);
            assertTrue(Http.field(json, "statusDetail").contains("OUT_OF_SUPPLIES"), json);

            // a job the robot holds back: cancel withdraws it and the request is gone
            robot.hold = true;
            String held = api.create("{\"instances\":[\"" + one + "\"],\"output\":\"burner\",\"copies\":1}");
            awaitJobFile(hot);
            assertEquals(200, api.post("/strata/api/media/" + held + "/cancel", "").statusCode());
            assertEquals(404, api.get("/strata/api/media/" + held).statusCode());
            awaitNoJobFile(hot);
            assertEquals(409, api.post("/strata/api/media/" + ok + "/cancel", "").statusCode(), "already completed");
        } finally {
            robot.interrupt();
        }
    }

    @Test
    void dcmjsDimseDrivesAnMcmRequestToDoneAndGetsTheAnnexSStatuses() throws Exception {
        List<String> instances = new ArrayList<>(stored.keySet()).subList(0, 3);
        String uid = "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(Double.doubleToLongBits(Math.random())).array());
        List<String> create = new ArrayList<>(List.of("create", uid, "STD-GEN-CD", "MCM IT"));
        create.addAll(instances);
        assertEquals("0", field(mcm(create), "status"));
        assertEquals("IDLE", Http.field(api.get("/strata/api/media/" + uid).body(), "status"), "the same object in REST");
        assertEquals("0", field(mcm("initiate", uid, "1", "HIGH"), "status"));
        assertEquals(String.valueOf(0xA510), field(mcm("initiate", uid, "1", "HIGH"), "status"), "initiate twice");
        String got = "";
        for (int i = 0; i < 200 && !got.contains("\"ExecutionStatus\":\"DONE\""); i++) {
            Thread.sleep(300);
            got = mcm("get", uid);
        }
        assertTrue(got.contains("\"ExecutionStatus\":\"DONE\""), got);
        assertTrue(got.contains("\"ExecutionStatusInfo\":\"NORMAL\"") && got.contains("\"TotalNumberOfPiecesOfMediaCreated\":1"), got);
        assertEquals(String.valueOf(0xC201), field(mcm("cancel", uid), "status"), "cancel after completion");
        Path iso = work.resolve("mcm.iso");
        assertEquals(200, api.download("/strata/api/media/" + uid + "/pieces/1", iso).statusCode());
        String listing = run("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f");
        assertEquals(3, listing.lines().filter(l -> l.startsWith("'/DICOM/")).count(), listing);

        // an instance that is not stored: FAILURE with the Failed SOP Sequence
        String missing = uid + ".9";
        assertEquals("0", field(mcm("create", missing, "STD-GEN-CD", "x", "1.2.3.999"), "status"));
        assertEquals("0", field(mcm("initiate", missing, "1", "LOW"), "status"));
        for (int i = 0; i < 100 && !got.contains("FAILURE"); i++) {
            Thread.sleep(300);
            got = mcm("get", missing);
        }
        assertTrue(got.contains("\"ExecutionStatus\":\"FAILURE\"") && got.contains("NO_INSTANCE")
                && got.contains("1.2.3.999"), got);

        // cancel of an IDLE request deletes it
        String idle = uid + ".8";
        assertEquals("0", field(mcm("create", idle, "STD-GEN-CD", "x", instances.get(0)), "status"));
        assertEquals("0", field(mcm("cancel", idle), "status"));
        assertEquals(String.valueOf(0x0112), field(mcm("get", idle), "status"), "no such SOP instance after cancel");
        assertEquals(String.valueOf(0x0111), field(mcm("create", uid, "STD-GEN-CD", "x", instances.get(0)), "status"),
                "duplicate SOP instance");
    }

    /** Runs the dcmjs-dimse SCU (installed into target/node by the build) and returns its JSON answer. */
    private static String mcm(String... args) throws IOException, InterruptedException {
        return mcm(List.of(args));
    }

    private static String mcm(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", "src/test/node/mcm-scu.js", "127.0.0.1",
                System.getProperty("it.dicom.port"), "STRATA"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", System.getProperty("it.node.modules"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    private static String field(String json, String name) {
        return Http.field(json, name);
    }

    private static void awaitJobFile(Path hot) throws Exception {
        for (int i = 0; i < 600 && !hasJobFile(hot); i++) {
            Thread.sleep(100);
        }
        assertTrue(hasJobFile(hot), "a job file appeared");
    }

    private static void awaitNoJobFile(Path hot) throws Exception {
        for (int i = 0; i < 100 && hasJobFile(hot); i++) {
            Thread.sleep(100);
        }
        assertFalse(hasJobFile(hot), "the job file was withdrawn");
    }

    private static boolean hasJobFile(Path hot) throws IOException {
        try (var list = Files.list(hot)) {
            return list.anyMatch(p -> p.toString().endsWith(".JRQ"));
        }
    }

    /**
     * A PTBurn stand-in: takes each {@code .JRQ}, renames it as PTBurn does ({@code .INP} while
     * burning), then to {@code .DON}, or {@code .ERR} when more than one copy is asked for.
     */
    static final class FakeRobot extends Thread {
        final Path folder;
        final List<String> burnt = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean hold;

        FakeRobot(Path folder) {
            this.folder = folder;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!isInterrupted()) {
                    List<Path> jobs;
                    try (var list = Files.list(folder)) {
                        jobs = list.filter(p -> p.toString().endsWith(".JRQ")).toList();
                    }
                    for (Path job : jobs) {
                        if (hold) {
                            continue;
                        }
                        String text = Files.readString(job);
                        String base = job.toString().substring(0, job.toString().length() - 4);
                        Path inp = Path.of(base + ".INP");
                        Files.move(job, inp);
                        if (text.contains("Copies=1\r\n")) {
                            burnt.add(text);
                            Files.move(inp, Path.of(base + ".DON"));
                        } else {
                            Files.move(inp, Path.of(base + ".ERR"));
                            Files.writeString(Path.of(base + ".ERR"), "OUT_OF_SUPPLIES: no blank discs\n");
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                // stopped by the test
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
