package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.FileSetBuilder;

/**
 * Server-side import ({@code POST /strata/api/import}) on the deployed EAR and on a second, empty
 * {@code ./strata run}: the STD-GEN-CD ISO the first Strata makes, imported into the second, gives
 * the same C-FIND answers at study, series and image level; dcm4chee 2.x TAR volumes are checked
 * against their MD5SUM (a wrong checksum fails that file only); a zip-slip entry, a DICOMDIR whose
 * offsets point nowhere and one referencing a missing file give per-file errors while the rest is
 * imported; a media request stopped with the server while CREATING and an import stopped while
 * RUNNING are both resumed and end DONE (the import trying each file once); a path outside the
 * folders of {@code import.allowed-roots} is refused with 400 naming the setting.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaImportIT {

    @TempDir
    static Path work;

    static String study;
    static int studySize;

    final MediaApi api = new MediaApi();
    final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void storeAStudy() throws Exception {
        allowImportsFrom(Http.admin(Deployments.httpPort(), Deployments.adminPassword()), work);
        MediaStudy media = MediaStudy.storeNew(work.resolve("study"));
        study = media.studyUid();
        studySize = media.files().size();
    }

    @Test
    void theIsoImportedIntoASecondEmptyStrataAnswersCFindAsTheFirstAndARestartDuringCreatingEndsDone(
            @TempDir Path data, @TempDir Path corpus) throws Exception {
        String id = api.create("{\"studies\":[\"" + study + "\"],\"profile\":\"STD-GEN-CD\",\"output\":\"iso\"}");
        assertEquals("DONE", Http.field(api.awaitFinished(id, Duration.ofMinutes(3)), "status"));
        Path iso = work.resolve("first.iso");
        assertEquals(200, api.download("/strata/api/media/" + id + "/pieces/1", iso).statusCode());

        String request;
        String resumedImport;
        try (StrataProcess second = StrataProcess.start(data)) {
            second.awaitConsole(600);
            Http secondAdmin = Http.admin(second.httpPort(),
                    Files.readString(data.resolve("security/admin-password")).trim());
            allowImportsFrom(secondAdmin, work);
            String job = awaitImport(secondAdmin, submit(secondAdmin, iso));
            assertEquals("DONE", Http.field(job, "state"), job);
            assertEquals("ISO", Http.field(job, "kind"), job);
            assertEquals("true", Http.field(job, "fromDicomdir"), job);
            assertEquals(String.valueOf(studySize), Http.field(job, "imported"), job);
            assertEquals("0", Http.field(job, "duplicate"), job);
            assertEquals("0", Http.field(job, "failed"), job);

            String firstPort = System.getProperty("it.dicom.port");
            String secondPort = String.valueOf(second.dicomPort());
            for (List<String> keys : List.of(STUDY_KEYS, SERIES_KEYS, IMAGE_KEYS)) {
                TreeSet<String> first = cfind(firstPort, keys);
                assertFalse(first.isEmpty(), "the first Strata answers " + keys.get(0));
                assertEquals(first, cfind(secondPort, keys), keys.get(0));
            }

            // a media request on the second Strata, stopped with the server while CREATING
            Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                    corpus.toString(), "600").start();
            String bigStudy = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, gen.waitFor());
            Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", secondPort, "+sd",
                    corpus.toString());
            assertEquals(0, stored.exitCode(), stored.output());
            // the job holds after 100 instances until the server stops: caught in CREATING however fast the machine
            assertEquals(200, secondAdmin.putJson("/strata/api/settings/media.test.hold-after", "{\"value\":\"100\"}")
                    .statusCode());
            var created = secondAdmin.postJson("/strata/api/media",
                    "{\"studies\":[\"" + bigStudy + "\"],\"profile\":\"STD-GEN-CD\",\"output\":\"iso\"}");
            assertEquals(201, created.statusCode(), created.body());
            request = Http.field(created.body(), "id");
            String status = "";
            Instant end = Instant.now().plusSeconds(120);
            while (!status.equals("CREATING") && Instant.now().isBefore(end)) {
                status = Http.field(secondAdmin.get("/strata/api/media/" + request).body(), "status");
                Thread.sleep(20);
            }
            assertEquals("CREATING", status, "caught while creating");

            // an import on the second Strata, holding after 3 of 8 files until the server stops
            newInstances("resume", 8);
            assertEquals(200, secondAdmin.putJson("/strata/api/settings/import.test.hold-after", "{\"value\":\"3\"}")
                    .statusCode());
            resumedImport = submit(secondAdmin, work.resolve("resume-instances"));
            String importJson;
            end = Instant.now().plusSeconds(120);
            do {
                Thread.sleep(20);
                importJson = secondAdmin.get("/strata/api/import/" + resumedImport).body();
            } while (!(Http.field(importJson, "state").equals("RUNNING") && Http.field(importJson, "processed").equals("3"))
                    && Instant.now().isBefore(end));
            assertEquals("RUNNING", Http.field(importJson, "state"), importJson);
            assertEquals("3", Http.field(importJson, "processed"), importJson);
            assertEquals(0, second.stop());
        }
        try (StrataProcess again = StrataProcess.start(data)) {
            again.awaitConsole(600);
            assertTrue(again.output().contains("resuming 1 unfinished media request"), again.output());
            assertTrue(again.output().contains("resuming 1 unfinished import"), again.output());
            Http againAdmin = Http.admin(again.httpPort(),
                    Files.readString(data.resolve("security/admin-password")).trim());
            String json = "";
            Instant end = Instant.now().plusSeconds(300);
            while (Instant.now().isBefore(end)) {
                json = againAdmin.get("/strata/api/media/" + request).body();
                if (List.of("DONE", "FAILURE").contains(Http.field(json, "status"))) {
                    break;
                }
                Thread.sleep(300);
            }
            assertEquals("DONE", Http.field(json, "status"), json);
            assertEquals("600", Http.field(json, "total"), json);
            assertEquals("600", Http.field(json, "written"), json);
            assertEquals("1", Http.field(json, "numberOfPieces"), json);

            // the import went on after the 3 files tried before the stop: each of the 8 tried once
            String importJson = awaitImport(againAdmin, resumedImport);
            assertEquals("DONE", Http.field(importJson, "state"), importJson);
            assertEquals("8", Http.field(importJson, "total"), importJson);
            assertEquals("8", Http.field(importJson, "processed"), importJson);
            assertEquals("8", Http.field(importJson, "imported"), importJson);
            assertEquals("0", Http.field(importJson, "duplicate"), importJson);
            assertEquals("0", Http.field(importJson, "failed"), importJson);
        }
    }

    @Test
    void dcm4cheeTarVolumesAreCheckedAgainstTheirMd5Sums() throws Exception {
        List<Path> files = newInstances("tar", 6);
        Path good = tarVolume("good", files.subList(0, 3), null);
        String job = awaitImport(admin, submit(admin, good));
        assertEquals("DONE", Http.field(job, "state"), job);
        assertEquals("TAR", Http.field(job, "kind"), job);
        assertEquals("3", Http.field(job, "imported"), job);
        assertEquals("0", Http.field(job, "failed"), job);

        Path bad = tarVolume("bad", files.subList(3, 6), files.get(4).getFileName().toString());
        job = awaitImport(admin, submit(admin, bad));
        assertEquals("DONE", Http.field(job, "state"), job);
        assertEquals("2", Http.field(job, "imported"), job);
        assertEquals("1", Http.field(job, "failed"), job);
        assertTrue(job.contains(files.get(4).getFileName() + ": MD5 "), job);

        // the same volume again: every verified file is a duplicate under the default policy
        job = awaitImport(admin, submit(admin, good));
        assertEquals("3", Http.field(job, "duplicate"), job);
        assertEquals("0", Http.field(job, "imported"), job);
    }

    @Test
    void zipSlipAndMalformedDicomdirsGiveErrorsPerFileAndTheRestIsImported() throws Exception {
        List<Path> files = newInstances("bad", 5);
        // a ZIP with an entry escaping the target folder and a good one
        Path zip = work.resolve("slip.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../SLIPPED.dcm"));
            z.write(Files.readAllBytes(files.get(0)));
            z.putNextEntry(new ZipEntry("DICOM/IMG1"));
            z.write(Files.readAllBytes(files.get(1)));
        }
        String job = awaitImport(admin, submit(admin, zip));
        assertEquals("1", Http.field(job, "imported"), job);
        assertEquals("1", Http.field(job, "failed"), job);
        assertTrue(job.contains("zip slip"), job);
        try (Stream<Path> all = Files.walk(Path.of(System.getProperty("it.data.dir")))) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().equals("SLIPPED.dcm")), "nothing outside the target");
        }

        // a DICOMDIR whose first record offset points beyond the file: the folder is walked instead
        Path pointsNowhere = fileSet("nowhere", files.subList(2, 4));
        patchRootOffset(pointsNowhere.resolve("DICOMDIR"), 0x7FFFFF00);
        job = awaitImport(admin, submit(admin, pointsNowhere.resolve("DICOMDIR")));
        assertEquals("DONE", Http.field(job, "state"), job);
        assertEquals("false", Http.field(job, "fromDicomdir"), job);
        assertEquals("2", Http.field(job, "imported"), job);
        assertEquals("1", Http.field(job, "failed"), job);
        assertTrue(job.contains("unreadable DICOMDIR"), job);

        // a DICOMDIR referencing a file that is not there
        Path missing = fileSet("missing", List.of(files.get(4), files.get(2)));
        try (Stream<Path> leaves = Files.walk(missing.resolve("DICOM"))) {
            Path first = leaves.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
            Files.delete(first);
        }
        job = awaitImport(admin, submit(admin, missing));
        assertEquals("true", Http.field(job, "fromDicomdir"), job);
        assertEquals("1", Http.field(job, "failed"), job);
        assertTrue(job.contains("referenced by the DICOMDIR but missing"), job);
        assertEquals("1", String.valueOf(Integer.parseInt(Http.field(job, "imported"))
                + Integer.parseInt(Http.field(job, "duplicate"))), job);

        // refused at once: relative path, nothing there, not a medium
        assertEquals(400, admin.postJson("/strata/api/import", "{\"path\":\"relative/dir\"}").statusCode());
        assertEquals(400, admin.postJson("/strata/api/import", "{\"path\":\"" + work.resolve("nothing") + "\"}")
                .statusCode());
        Path text = Files.writeString(work.resolve("notes.txt"), "not a medium");
        var notMedium = admin.postJson("/strata/api/import", "{\"path\":\"" + text + "\"}");
        assertEquals(400, notMedium.statusCode());
        assertTrue(Http.field(notMedium.body(), "error").contains("not a folder, DICOMDIR, ISO 9660 image, ZIP or TAR"),
                notMedium.body());
        assertEquals(404, admin.get("/strata/api/import/no-such-import").statusCode());

        // outside the folders of import.allowed-roots (here: the test's folder), existing or not, or via ..
        Path outside = Files.createTempDirectory("strata-outside-roots");
        try {
            Files.copy(files.get(0), outside.resolve("IMG1"));
            for (String path : List.of(outside.toString(), outside.resolve("IMG1").toString(),
                    work.resolve("../" + outside.getFileName()).toString(), outside.resolve("absent").toString())) {
                var refused = admin.postJson("/strata/api/import", "{\"path\":\"" + path + "\"}");
                assertEquals(400, refused.statusCode(), path + ": " + refused.body());
                assertTrue(Http.field(refused.body(), "error").contains("is outside the folders imports may read from"),
                        refused.body());
                assertTrue(Http.field(refused.body(), "error").contains("import.allowed-roots"), refused.body());
            }
        } finally {
            Files.deleteIfExists(outside.resolve("IMG1"));
            Files.delete(outside);
        }
    }

    /** Sets import.allowed-roots (imports are refused outside those folders). */
    private static void allowImportsFrom(Http http, Path root) throws Exception {
        assertEquals(200, http.putJson("/strata/api/settings/" + "import.allowed-roots",
                "{\"value\":\"" + root + "\"}").statusCode());
    }

    static final List<String> STUDY_KEYS = List.of("QueryRetrieveLevel=STUDY", "StudyInstanceUID", "PatientName",
            "PatientID", "PatientBirthDate", "StudyDate", "StudyTime", "StudyDescription", "AccessionNumber", "StudyID",
            "ModalitiesInStudy", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances");
    static final List<String> SERIES_KEYS = List.of("QueryRetrieveLevel=SERIES", "SeriesInstanceUID", "Modality",
            "SeriesNumber", "SeriesDescription", "NumberOfSeriesRelatedInstances");
    static final List<String> IMAGE_KEYS = List.of("QueryRetrieveLevel=IMAGE", "SeriesInstanceUID", "SOPInstanceUID",
            "SOPClassUID", "InstanceNumber");

    private static final Pattern ELEMENT = Pattern.compile("^[IW]: (\\([0-9a-f]{4},[0-9a-f]{4}\\) \\w\\w [^#]*?)\\s*#");

    /** Each response of a Study Root C-FIND for the study as its sorted element lines. */
    private static TreeSet<String> cfind(String port, List<String> keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("-S", "-aec", "STRATA", "127.0.0.1", port));
        for (String k : keys) {
            args.addAll(List.of("-k", k));
        }
        if (!keys.contains("StudyInstanceUID")) {
            args.addAll(List.of("-k", "StudyInstanceUID=" + study));
        } else {
            args.set(args.indexOf("StudyInstanceUID"), "StudyInstanceUID=" + study);
        }
        Dcmtk.Result r = Dcmtk.run("findscu", args);
        assertEquals(0, r.exitCode(), r.output());
        TreeSet<String> responses = new TreeSet<>();
        for (String response : r.output().split("Find Response: ")) {
            TreeSet<String> lines = new TreeSet<>();
            for (String line : response.lines().toList()) {
                Matcher m = ELEMENT.matcher(line);
                if (m.find() && !m.group(1).startsWith("(0008,0005)")) {
                    lines.add(m.group(1).replace("\0", ""));
                }
            }
            if (lines.stream().anyMatch(l -> l.startsWith("(0020,000d)"))) {
                responses.add(String.join("\n", lines));
            }
        }
        return responses;
    }

    private static String submit(Http http, Path path) throws Exception {
        var r = http.postJson("/strata/api/import", "{\"path\":\"" + path + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Http.field(r.body(), "id");
    }

    private static String awaitImport(Http http, String id) throws Exception {
        Instant end = Instant.now().plusSeconds(180);
        String json = "";
        while (Instant.now().isBefore(end)) {
            json = http.get("/strata/api/import/" + id).body();
            String state = Http.field(json, "state");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return json;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " not finished: " + json);
    }

    private static List<Path> newInstances(String name, int n) throws Exception {
        Path dir = work.resolve(name + "-instances");
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", dir.toString(),
                String.valueOf(n)).start();
        assertEquals(0, gen.waitFor());
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    /**
     * A TAR as dcm4chee 2.x wrote a series: {@code MD5SUM} first ({@code <md5> <path>} lines), then
     * the files below a series directory; {@code wrong} names a file listed with a wrong checksum.
     */
    private static Path tarVolume(String name, List<Path> files, String wrong) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name + "-tar"));
        Path series = Files.createDirectories(dir.resolve("2026/11/23/A1B2C3D4"));
        StringBuilder sums = new StringBuilder();
        List<String> entries = new ArrayList<>(List.of("MD5SUM"));
        for (Path f : files) {
            Path target = series.resolve(f.getFileName());
            Files.copy(f, target);
            byte[] md5 = MessageDigest.getInstance("MD5").digest(Files.readAllBytes(target));
            if (f.getFileName().toString().equals(wrong)) {
                md5[0] ^= 0x55;
            }
            String entry = dir.relativize(target).toString();
            sums.append(HexFormat.of().formatHex(md5)).append(' ').append(entry).append('\n');
            entries.add(entry);
        }
        Files.writeString(dir.resolve("MD5SUM"), sums);
        Path tar = work.resolve(name + ".tar");
        List<String> cmd = new ArrayList<>(List.of("tar", "-cf", tar.toString(), "-C", dir.toString()));
        cmd.addAll(entries);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return tar;
    }

    private static Path fileSet(String name, List<Path> files) throws IOException {
        Path root = work.resolve(name + "-fileset");
        FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("IMPORT_IT").add(files).write(root);
        return root;
    }

    /** Sets Offset of the First Directory Record of the Root Directory Entity (0004,1200) UL. */
    private static void patchRootOffset(Path dicomdir, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(dicomdir);
        byte[] tag = {0x04, 0x00, 0x00, 0x12, 'U', 'L', 0x04, 0x00};
        for (int i = 0; i + tag.length + 4 <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + tag.length, tag, 0, tag.length)) {
                ByteBuffer.wrap(bytes, i + tag.length, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(offset);
                Files.write(dicomdir, bytes);
                return;
            }
        }
        throw new AssertionError("no (0004,1200) in " + dicomdir);
    }
}
