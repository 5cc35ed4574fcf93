package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every console page in a real browser (Debian chromium, headless): the administrator follows the
 * navigation, types and clicks; each test checks what the page shows and the effect in the archive
 * through the REST API or DICOM.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolePagesIT {

    static final int INSTANCES = 3;
    static final String CALLING_AE = "CONSOLE-IT";

    static Path work;
    static String study;
    static String patientId;
    static Http admin;

    private ConsoleDriver console;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void storeAStudy() throws Exception {
        work = Files.createTempDirectory("console-it");
        admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                work.resolve("study").toString(), String.valueOf(INSTANCES)).start();
        study = new String(gen.getInputStream().readAllBytes()).strip();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        patientId = "CRASH-" + study.substring(study.length() - 8);
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", CALLING_AE, "-aec", "STRATA", "127.0.0.1", dicomPort(),
                "+sd", work.resolve("study").toString());
        assertEquals(0, stored.exitCode(), stored.output());
    }

    /** The next test classes share the server's database: defaults back. */
    @AfterAll
    static void restoreDefaults() throws Exception {
        admin.putJson("/strata/api/settings/store.duplicates.STRATA", "{\"value\":\"OVERWRITE\"}");
        admin.putJson("/strata/api/settings/hsm.job.maxAttempts", "{\"value\":\"5\"}");
        admin.putJson("/strata/api/settings/ian.subscribers", "{\"value\":\"\"}");
        admin.putJson("/strata/api/settings/ian.idle-seconds", "{\"value\":\"3600\"}");
    }

    @BeforeEach
    void logIn() throws Exception {
        console = ConsoleDriver.loggedIn();
    }

    @AfterEach
    void closeBrowser() {
        console.close();
    }

    @Test
    void remoteAesAreAddedEditedAndDeleted() throws Exception {
        console.navigate("Remote AEs");
        assertEquals("Strata — Remote AEs", console.title());
        console.assertAccessible();

        console.type("ae:aeTitle", "CONSOLE-PEER");
        console.type("ae:host", "127.0.0.1");
        console.type("ae:port", "11112");
        console.type("ae:description", "added in the console");
        console.click("ae:save");
        assertEquals(List.of("Saved CONSOLE-PEER"), console.messages());
        assertTrue(console.texts("aet").contains("CONSOLE-PEER"), console.source());
        String entry = admin.get("/strata/api/aes/CONSOLE-PEER").body();
        assertEquals("127.0.0.1", Http.field(entry, "host"));
        assertEquals("11112", Http.field(entry, "port"));
        assertEquals("added in the console", Http.field(entry, "description"));

        console.clickTitled("Edit CONSOLE-PEER");
        assertEquals("CONSOLE-PEER", console.value("ae:aeTitle"), "the form holds the entry");
        console.type("ae:port", "11113");
        console.check("ae:tls", true);
        console.click("ae:save");
        entry = admin.get("/strata/api/aes/CONSOLE-PEER").body();
        assertEquals("11113", Http.field(entry, "port"));
        assertEquals("true", Http.field(entry, "tls"));

        console.type("ae:aeTitle", "CONSOLE-BAD");
        console.type("ae:host", "127.0.0.1");
        console.type("ae:port", "70000");
        console.click("ae:save");
        assertEquals(List.of("port 70000 is not in 1..65535"), console.messages());
        console.assertAccessible();
        assertEquals(404, admin.get("/strata/api/aes/CONSOLE-BAD").statusCode(), "nothing stored after a refusal");
        console.screenshot("console-aes.png");

        console.clickTitledAndConfirm("Delete CONSOLE-PEER");
        assertEquals(List.of("Deleted CONSOLE-PEER"), console.messages());
        assertFalse(console.texts("aet").contains("CONSOLE-PEER"));
        assertEquals(404, admin.get("/strata/api/aes/CONSOLE-PEER").statusCode());
    }

    @Test
    void studiesAreFoundByPatientDateAndModalityWithTheirCopies() throws Exception {
        console.navigate("Studies");
        assertEquals("Strata — Studies", console.title());
        console.assertAccessible();

        console.type("search:patientId", patientId);
        console.click("search:go");
        assertEquals(List.of(patientId), console.texts("patientId"));
        assertEquals(List.of(String.valueOf(INSTANCES)), console.texts("instances"));
        assertEquals(List.of("1"), console.texts("series"));
        assertEquals(List.of("ONLINE"), console.texts("availability"));

        console.type("search:patientName", "compressedsamples");
        console.type("search:studyDate", "2004-01-19");
        console.type("search:modality", "CT");
        console.click("search:go");
        assertEquals(List.of(patientId), console.texts("patientId"), "name (any case), date and modality match");
        console.type("search:modality", "MR");
        console.click("search:go");
        assertTrue(console.texts("patientId").isEmpty(), console.source());
        assertTrue(console.source().contains("No study matches."));

        console.type("search:modality", "");
        console.type("search:studyDate", "20040101 to 20040131");
        console.click("search:go");
        assertEquals(List.of(patientId), console.texts("patientId"), "a date range");
        console.clickTitled("Series and copies of " + study);
        String status = admin.get("/strata/api/studies/" + study).body();
        int online = console.texts("tier").indexOf("online");
        assertTrue(online >= 0, console.texts("tier").toString());
        assertEquals(Http.field(status, "instances"), console.texts("copies").get(online), "every instance has its online copy");
        assertTrue(console.source().contains(CALLING_AE), "the series shows its source AE");
        long width = console.imageWidth("img.thumbnail");
        assertTrue(width > 0 && width <= 128, "a thumbnail of the study was rendered: " + width);
        HttpResponse<String> png = admin.get("/strata/thumbnail?study=" + study);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, admin.get("/strata/thumbnail?study=1.2.3.4").statusCode(), "no such study, no picture");
        console.assertAccessible();
        console.screenshot("console-studies.png");

        console.type("search:studyDate", "2004");
        console.click("search:go");
        assertEquals(List.of("study date must be YYYYMMDD, YYYY-MM-DD or a range FROM to TO, not 2004"),
                console.messages());
    }

    @Test
    void tiersGroupsAndRulesAreManaged() throws Exception {
        Path disk = Files.createDirectories(work.resolve("console-disk"));
        console.navigate("Storage");
        console.assertAccessible();
        assertTrue(console.texts("tierId").contains("online"));

        console.type("tier:id", "console-disk");
        console.type("tier:uri", "file:" + disk);
        console.type("tier:settings", "note=made in the console\nsecretKey=s3cr3t-v4lue");
        console.click("tier:save");
        assertEquals(List.of("Saved tier console-disk"), console.messages());
        String tier = admin.get("/strata/api/tiers/console-disk").body();
        assertEquals("file:" + disk, Http.field(tier, "uri"));
        assertTrue(tier.contains("\"note\":\"made in the console\""), tier);
        int row = console.texts("tierId").indexOf("console-disk");
        assertEquals("0", console.texts("objects").get(row), "usage of the new tier");
        assertFalse(console.source().contains("s3cr3t-v4lue"), "a secret is never shown");

        console.type("group:id", "console-group");
        console.type("group:tiers", "online, console-disk");
        console.type("group:aeTitles", "CONSOLE-NONE");
        console.click("group:save");
        assertEquals(List.of("Saved storage group console-group"), console.messages());
        assertTrue(console.texts("groupTiers").contains("online → console-disk"));
        assertTrue(admin.get("/strata/api/storage-groups/console-group").body().contains("\"tiers\":[\"online\",\"console-disk\"]"));

        console.type("rule:id", "console-rule");
        console.select("rule:action", "COPY");
        console.type("rule:sourceTier", "online");
        console.type("rule:targetTier", "console-disk");
        console.type("rule:minAgeSinceReceived", "30 days");
        console.type("rule:sourceAe", "CONSOLE-NONE");
        console.click("rule:save");
        assertEquals(List.of("not an ISO-8601 duration (e.g. P30D): 30 days"), console.messages());
        assertEquals(404, admin.get("/strata/api/rules/console-rule").statusCode());
        console.type("rule:minAgeSinceReceived", "P3650D");
        console.click("rule:save");
        assertEquals(List.of("Saved rule console-rule"), console.messages());
        String rule = admin.get("/strata/api/rules/console-rule").body();
        assertEquals("COPY", Http.field(rule, "action"));
        assertEquals("PT87600H", Http.field(rule, "minAgeSinceReceived"));

        console.clickTitled("Edit rule console-rule");
        assertEquals("console-disk", console.value("rule:targetTier"));
        console.select("rule:action", "MOVE");
        console.click("rule:save");
        assertEquals("MOVE", Http.field(admin.get("/strata/api/rules/console-rule").body(), "action"));
        assertEquals(List.of("MOVE"), console.texts("ruleAction"));
        console.screenshot("console-storage.png");

        console.clickTitled("Delete rule console-rule");
        console.clickTitled("Delete group console-group");
        console.clickTitled("Delete tier console-disk");
        assertEquals(List.of("Deleted tier console-disk"), console.messages());
        assertEquals(404, admin.get("/strata/api/rules/console-rule").statusCode());
        assertEquals(404, admin.get("/strata/api/storage-groups/console-group").statusCode());
        assertEquals(404, admin.get("/strata/api/tiers/console-disk").statusCode());
        console.assertAccessible();
    }

    @Test
    void aTierEditedInTheConsoleKeepsTheSecretItNeverShows() throws Exception {
        try (S3Proxy s3 = S3Proxy.start(Files.createDirectories(work.resolve("s3")))) {
            s3.createBucket("console-it");
            console.navigate("Storage");
            console.type("tier:id", "console-s3");
            console.type("tier:uri", "s3://console-it?endpoint=" + s3.endpoint() + "&region=us-east-1&pathStyle=true");
            console.type("tier:settings", "accessKeyId=" + S3Proxy.IDENTITY + "\nsecretAccessKey=" + S3Proxy.CREDENTIAL);
            console.click("tier:save");
            assertEquals(List.of("Saved tier console-s3"), console.messages());

            console.clickTitled("Edit tier console-s3");
            assertTrue(console.value("tier:settings").contains("secretAccessKey=***"), console.value("tier:settings"));
            assertFalse(console.source().contains(S3Proxy.CREDENTIAL), "the secret is not sent to the browser");
            console.click("tier:save");
            assertEquals(List.of("Saved tier console-s3"), console.messages());

            HttpResponse<String> copy = admin.postJson("/strata/api/studies/" + study + "/migrate",
                    "{\"tier\":\"console-s3\",\"keepSource\":true}");
            assertEquals(202, copy.statusCode(), copy.body());
            assertEquals("COMPLETED", admin.awaitJob(Http.field(copy.body(), "id")),
                    "saved as shown, the tier kept its secret and still works");
        }
    }

    @Test
    void aFailedStorageJobIsRetriedFromTheConsoleBesideTheOtherQueues() throws Exception {
        // the other queues get an entry each: an IAN for a subscriber, a media request
        admin.putJson("/strata/api/settings/ian.idle-seconds", "{\"value\":\"1\"}");
        admin.putJson("/strata/api/settings/ian.subscribers", "{\"value\":\"CONSOLE-IAN\"}");
        String media = new MediaApi().create("{\"studies\":[\"" + study + "\"],\"output\":\"zip\"}");
        // a job that fails: copying to an S3 tier whose endpoint nobody listens on, one attempt only
        admin.putJson("/strata/api/settings/hsm.job.maxAttempts", "{\"value\":\"1\"}");
        int closed = StrataProcess.freePort();
        assertEquals(201, admin.putJson("/strata/api/tiers/console-flaky", "{\"uri\":\"s3://nowhere?endpoint=http://127.0.0.1:"
                + closed + "&pathStyle=true\",\"settings\":{\"accessKeyId\":\"a\",\"secretAccessKey\":\"b\"}}").statusCode());
        HttpResponse<String> migrate = admin.postJson("/strata/api/studies/" + study + "/migrate",
                "{\"tier\":\"console-flaky\",\"keepSource\":true}");
        assertEquals(202, migrate.statusCode(), migrate.body());
        String id = Http.field(migrate.body(), "id");
        assertEquals("FAILED", admin.awaitJob(id));

        console.navigate("Jobs and queues");
        console.assertAccessible();
        console.select("jobs:state", "FAILED");
        console.click("jobs:filter");
        assertTrue(console.texts("jobId").contains(id), console.source());
        assertTrue(console.texts("jobState").stream().allMatch("FAILED"::equals), console.texts("jobState").toString());
        console.screenshot("console-jobs.png");

        // the tier is repaired (now a directory), then the administrator retries the dead letter
        Path repaired = Files.createDirectories(work.resolve("console-flaky"));
        assertEquals(200, admin.putJson("/strata/api/tiers/console-flaky", "{\"uri\":\"file:" + repaired + "\"}").statusCode());
        console.clickTitled("Retry job " + id);
        assertEquals(List.of("Job " + id + " queued again"), console.messages());
        assertEquals("COMPLETED", admin.awaitJob(id), "the retried job ran again, and now succeeded");
        String status = admin.get("/strata/api/studies/" + study).body();
        assertTrue(status.contains("\"tier\":\"console-flaky\""), status);
        console.select("jobs:state", "COMPLETED");
        console.click("jobs:filter");
        assertTrue(console.texts("jobId").contains(id));
        assertFalse(console.hasTitled("Retry job " + id), "only FAILED jobs offer a retry");
        assertTrue(console.source().contains("Storage commitment"));
        Instant end = Instant.now().plusSeconds(60);
        while (!console.source().contains("CONSOLE-IAN") && Instant.now().isBefore(end)) {
            console.click("jobs:filter"); // the IAN scheduler runs every 3 s
        }
        assertTrue(console.source().contains("CONSOLE-IAN"), "the IAN queued for the subscriber is listed");
        assertTrue(console.source().contains(media), "the media request is listed");
    }

    @Test
    void mediaIsMadeForAStudyFollowedDownloadedAndCancelled() throws Exception {
        console.navigate("Media");
        console.assertAccessible();
        console.type("create:studyUid", study);
        console.select("create:output", "zip");
        console.type("create:label", "console");
        console.click("create:submit");
        assertEquals(List.of("Media request created"), console.messages());
        String id = console.texts("requestId").get(0);
        String json = new MediaApi().awaitFinished(id, Duration.ofSeconds(120));
        assertEquals("DONE", Http.field(json, "status"), json);

        Instant end = Instant.now().plusSeconds(30);
        while (!"DONE".equals(console.texts("requestState").get(0)) && Instant.now().isBefore(end)) {
            console.click("list:refresh");
        }
        assertEquals(id, console.texts("requestId").get(0), "newest first");
        assertEquals("DONE", console.texts("requestState").get(0));
        assertEquals(INSTANCES + " / " + INSTANCES, console.texts("progress").get(0));
        String href = console.all("a.piece").stream().map(a -> a.getDomAttribute("href"))
                .filter(h -> h.contains(id)).findFirst().orElseThrow(() -> new AssertionError(console.source()));
        assertEquals("/strata/api/media/" + id + "/pieces/1", href);
        console.screenshot("console-media.png");
        Path zip = work.resolve("piece.zip");
        assertEquals(200, new MediaApi().download(href, zip).statusCode());
        assertTrue(zipEntries(zip).contains("DICOMDIR"), zipEntries(zip).toString());
        assertFalse(console.hasTitled("Cancel " + id), "a finished request offers no cancel");

        console.type("create:studyUid", "1.2.3.not-a-uid");
        console.click("create:submit");
        assertEquals(List.of("not a UID: 1.2.3.not-a-uid"), console.messages());

        console.type("create:studyUid", study);
        console.click("create:submit");
        String second = console.texts("requestId").get(0);
        if (console.hasTitled("Cancel " + second)) {
            console.clickTitled("Cancel " + second);
            List<String> answer = console.messages();
            if (answer.equals(List.of("Media request " + second + " cancelled"))) {
                assertEquals(404, new MediaApi().get("/strata/api/media/" + second).statusCode(), "cancelled and deleted");
            } else {
                // it finished between the page and the click
                assertEquals(List.of("media request " + second + " is already completed"), answer);
                assertEquals("DONE", Http.field(new MediaApi().get("/strata/api/media/" + second).body(), "status"));
            }
        }
    }

    @Test
    void aDuplicatePolicySetInTheConsoleGovernsTheNextStore() throws Exception {
        console.navigate("Settings");
        console.assertAccessible();
        assertEquals("STRATA", console.value("ae:aeTitle"), "our own AE title by default");
        console.select("ae:duplicatePolicy", "REJECT");
        console.click("ae:save");
        assertEquals(List.of("Saved the settings of STRATA"), console.messages());
        assertEquals("REJECT", Http.field(admin.get("/strata/api/settings/store.duplicates.STRATA").body(), "value"));
        assertEquals("REJECT", console.texts("settingValue").get(console.texts("settingName").indexOf("store.duplicates.STRATA")));

        Path again = Files.list(work.resolve("study")).findFirst().orElseThrow();
        Dcmtk.Result refused = Dcmtk.run("storescu", "-v", "-aec", "STRATA", "127.0.0.1", dicomPort(), again.toString());
        assertTrue(refused.output().contains("Received Store Response (Error"), refused.output());

        console.select("ae:duplicatePolicy", "OVERWRITE");
        console.click("ae:save");
        Dcmtk.Result accepted = Dcmtk.run("storescu", "-v", "-aec", "STRATA", "127.0.0.1", dicomPort(), again.toString());
        assertTrue(accepted.output().contains("Received Store Response (Success)"), accepted.output());

        console.clickTitled("Edit store.duplicates.STRATA");
        assertEquals("OVERWRITE", console.value("setting:value"));
        console.type("setting:name", "console.it.note");
        console.type("setting:value", "set in the console");
        console.click("setting:save");
        assertEquals("set in the console", Http.field(admin.get("/strata/api/settings/console.it.note").body(), "value"));
        console.screenshot("console-settings.png");
    }

    private static List<String> zipEntries(Path zip) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName().replaceFirst("^.*/", ""));
            }
        }
        return names;
    }

    private static String dicomPort() {
        return System.getProperty("it.dicom.port");
    }
}
