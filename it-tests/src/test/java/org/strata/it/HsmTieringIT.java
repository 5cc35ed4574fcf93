package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage manager end to end on the deployed EAR: a study stored by DCMTK's storescu moves
 * disk → S3 (a real S3Proxy) → tape (TAR volumes) by rules evaluated with the clock offset
 * setting (no waiting), Instance Availability (0008,0056) in findscu follows, movescu brings it
 * back to DCMTK's storescp byte for byte from the tape copy, the disk and S3 copies gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HsmTieringIT {

    static final int INSTANCES = 4;
    /** The calling AE title the rules of this test select by. */
    static final String RULE_SOURCE_AE = "HSM-TIERING";

    static Path work;
    static S3Proxy s3;
    static Path bucket;
    static Path library;
    static Http admin;
    static String study;
    /** Object id → bytes of the online copy, saved before it moved. */
    static final Map<String, byte[]> diskCopies = new HashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void storeAStudyAndConfigureTheTiers() throws Exception {
        work = Files.createTempDirectory("hsm-it");
        s3 = S3Proxy.start(work);
        bucket = s3.createBucket("strata-it");
        library = work.resolve("library");
        admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                work.resolve("study").toString(), String.valueOf(INSTANCES)).start();
        study = new String(gen.getInputStream().readAllBytes()).strip();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        Set<String> before = objects(online());
        // its own calling AE title: the rules below select by it, so the studies other test classes
        // left in the shared database stay where they are
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", RULE_SOURCE_AE, "-aec", "STRATA", "127.0.0.1", dicomPort(),
                "+sd", work.resolve("study").toString());
        assertEquals(0, stored.exitCode(), stored.output());
        try (Stream<Path> files = Files.walk(online())) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !before.contains(name(f))).toList()) {
                diskCopies.put(name(f), Files.readAllBytes(f));
            }
        }
        assertEquals(INSTANCES, diskCopies.size(), "one online object per instance stored");

        // the timer stays out of the way: rules are evaluated by the test through the API
        put("/strata/api/settings/hsm.rules.interval", "{\"value\":\"P1D\"}", 200);
        put("/strata/api/settings/hsm.clock.offset", "{\"value\":\"PT0S\"}", 200);
        put("/strata/api/tiers/s3", "{\"uri\":\"s3://strata-it?endpoint=" + s3.endpoint()
                + "&region=us-east-1&pathStyle=true\",\"settings\":{\"accessKeyId\":\"" + S3Proxy.IDENTITY
                + "\",\"secretAccessKey\":\"" + S3Proxy.CREDENTIAL + "\"}}", 201);
        put("/strata/api/tiers/tape", "{\"uri\":\"tar:" + library + "?volumeSize=100000000&mountDelay=PT0.1S\"}", 201);
        put("/strata/api/storage-groups/default", "{\"tiers\":[\"online\",\"s3\",\"tape\"]}", 201);
        put("/strata/api/rules/to-object", "{\"action\":\"MOVE\",\"sourceTier\":\"online\",\"storageGroup\":\"default\","
                + "\"sourceAe\":\"" + RULE_SOURCE_AE + "\",\"minAgeSinceReceived\":\"P30D\"}", 201);
        put("/strata/api/rules/to-tape", "{\"action\":\"MOVE\",\"sourceTier\":\"s3\",\"storageGroup\":\"default\","
                + "\"sourceAe\":\"" + RULE_SOURCE_AE + "\",\"minAgeSinceReceived\":\"P365D\"}", 201);
    }

    /** The next test classes share the server's database: no rule, no clock offset left behind. */
    @AfterAll
    static void cleanUpAndStopS3() throws Exception {
        admin.delete("/strata/api/rules/to-object");
        admin.delete("/strata/api/rules/to-tape");
        admin.delete("/strata/api/rules/recall-expiry");
        admin.delete("/strata/api/storage-groups/default");
        admin.putJson("/strata/api/settings/hsm.clock.offset", "{\"value\":\"PT0S\"}");
        admin.putJson("/strata/api/settings/hsm.job.maxAttempts", "{\"value\":\"5\"}");
        admin.putJson("/strata/api/settings/hsm.online.highWatermark", "{\"value\":\"" + Long.MAX_VALUE + "\"}");
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void theSecretIsNotShownAndABadTierUriIsRefused() throws Exception {
        String tier = admin.get("/strata/api/tiers/s3").body();
        assertTrue(tier.contains("\"secretAccessKey\":\"***\""), tier);
        assertFalse(tier.contains(S3Proxy.CREDENTIAL), tier);
        assertEquals(400, admin.putJson("/strata/api/tiers/ftp", "{\"uri\":\"ftp://host/x\"}").statusCode());
        assertEquals(404, admin.get("/strata/api/tiers/none").statusCode());
    }

    @Test
    @Order(2)
    void aFreshStudyIsOnlineAndNoRuleSelectsItYet() throws Exception {
        assertEquals(List.of("ONLINE"), availability("STUDY"));
        assertEquals(List.of("ONLINE", "ONLINE", "ONLINE", "ONLINE"), availability("IMAGE"));
        HttpResponse<String> r = admin.postJson("/strata/api/rules/evaluate", "");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("[]", jobsOfStudy(), "no job before the study is 30 days old");
    }

    @Test
    @Order(3)
    void thirtyOneDaysLaterTheRuleMovesItToS3AndItIsNearline() throws Exception {
        put("/strata/api/settings/hsm.clock.offset", "{\"value\":\"P31D\"}", 200);
        evaluateAndAwaitCompletion();
        String status = admin.get("/strata/api/studies/" + study).body();
        assertEquals("NEARLINE", Http.field(status, "availability"), status);
        assertTrue(status.contains("\"tier\":\"s3\"") && !status.contains("\"tier\":\"online\""), status);
        assertEquals(List.of("NEARLINE"), availability("STUDY"));
        assertEquals(List.of("NEARLINE", "NEARLINE", "NEARLINE", "NEARLINE"), availability("IMAGE"));
        assertEquals(Set.of(), onlineCopiesLeft(), "the disk copies are deleted after the move");
        assertEquals(diskCopies.keySet(), objects(bucket), "the bucket holds one object per instance");
        for (Path f : files(bucket)) {
            assertArrayEquals(diskCopies.get(name(f)), Files.readAllBytes(f), "S3 copy of " + name(f));
        }
    }

    @Test
    @Order(4)
    void aYearLaterTheNextRuleMovesItToTapeAndTheBucketIsEmptied() throws Exception {
        put("/strata/api/settings/hsm.clock.offset", "{\"value\":\"P400D\"}", 200);
        evaluateAndAwaitCompletion();
        String status = admin.get("/strata/api/studies/" + study).body();
        assertEquals("NEARLINE", Http.field(status, "availability"), status);
        assertTrue(status.contains("\"tier\":\"tape\"") && !status.contains("\"tier\":\"s3\""), status);
        assertEquals(Set.of(), objects(bucket), "S3 copies deleted after the move to tape");
        String catalogue = Files.readString(library.resolve("catalogue.tsv"));
        for (String id : diskCopies.keySet()) {
            assertTrue(catalogue.contains(id), "catalogue lists " + id);
        }
        assertEquals(List.of("NEARLINE"), availability("STUDY"));
        HttpResponse<String> refused = admin.delete("/strata/api/tiers/tape");
        assertEquals(409, refused.statusCode(), "the tape tier holds the only copies: " + refused.body());
    }

    @Test
    @Order(5)
    void movescuDeliversTheStudyFromTapeByteForByteMountingItsVolumeOnce() throws Exception {
        Path received = Files.createDirectories(work.resolve("received"));
        int port = StrataProcess.freePort();
        ProcessBuilder pb = new ProcessBuilder("storescp", "-aet", "HSMSCP", "-od", received.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(work.resolve("storescp.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process storescp = pb.start();
        try {
            StrataProcess.awaitListening(port, storescp);
            put("/strata/api/aes/HSMSCP", "{\"host\":\"127.0.0.1\",\"port\":" + port + "}", 201);
            // re-opening the tier unloads the drive: the retrieve has to mount the volume itself
            put("/strata/api/tiers/tape", "{\"uri\":\"tar:" + library + "?volumeSize=100000000&mountDelay=PT0.1S\"}", 200);
            assertEquals("0", Http.field(admin.get("/strata/api/tiers/tape/usage").body(), "mounts"));
            long missesBefore = cacheStat("misses");
            Dcmtk.Result r = Dcmtk.run("movescu", "-v", "-S", "-aec", "STRATA", "-aem", "HSMSCP", "127.0.0.1", dicomPort(),
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
            assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
            String usage = admin.get("/strata/api/tiers/tape/usage").body();
            assertEquals("1", Http.field(usage, "mounts"),
                    "the study's one volume is mounted once: " + usage);
            assertEquals(String.valueOf(INSTANCES), Http.field(usage, "objects"), usage);
            String cache = admin.get("/strata/api/caches/locations").body();
            assertEquals("infinispan", Http.field(cache, "backend"), cache);
            assertTrue(cacheStat("misses") - missesBefore >= INSTANCES, "each location looked up once: " + cache);
            assertTrue(cacheStat("entries") >= INSTANCES, "and kept in the cache: " + cache);
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
            admin.delete("/strata/api/aes/HSMSCP");
        }
        List<Path> arrived = files(received);
        assertEquals(INSTANCES, arrived.size(), "received: " + arrived);
        Set<String> disk = diskCopies.values().stream().map(HsmTieringIT::dataSetHex).collect(Collectors.toSet());
        for (Path f : arrived) {
            assertTrue(disk.contains(dataSetHex(Files.readAllBytes(f))),
                    f + ": the data set received is the one stored on disk before the moves, byte for byte");
        }
        assertEquals(Set.of(), onlineCopiesLeft(), "delivered from tape, not staged back to disk");
        String accessed = Http.field(admin.get("/strata/api/studies/" + study).body(), "accessedAt");
        assertTrue(java.time.Instant.parse(accessed).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(399))),
                "the retrieve recorded the last access by the storage manager's clock (offset P400D): " + accessed);
    }

    @Test
    @Order(6)
    void anExportedVolumeMakesTheStudyOfflineInFindscuAndRestUntilItIsImported() throws Exception {
        String volumes = admin.get("/strata/api/tiers/tape/volumes").body();
        assertTrue(volumes.contains("\"exported\":false,\"objects\":" + INSTANCES + ","), volumes);
        String volume = Http.field(volumes, "volume");
        HttpResponse<String> exported = admin.putJson("/strata/api/tiers/tape/volumes/" + volume, "{\"exported\":true}");
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals("true", Http.field(exported.body(), "exported"));
        assertEquals(List.of("OFFLINE"), availability("STUDY"));
        assertEquals(List.of("OFFLINE", "OFFLINE", "OFFLINE", "OFFLINE"), availability("IMAGE"));
        String status = admin.get("/strata/api/studies/" + study).body();
        assertEquals("OFFLINE", Http.field(status, "availability"), status);
        assertTrue(status.contains("{\"availability\":\"OFFLINE\",\"bytes\":"), "the tape copies are OFFLINE: " + status);
        assertEquals(404, admin.putJson("/strata/api/tiers/tape/volumes/no-such-volume", "{\"exported\":true}").statusCode());

        HttpResponse<String> imported = admin.putJson("/strata/api/tiers/tape/volumes/" + volume, "{\"exported\":false}");
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(List.of("NEARLINE"), availability("STUDY"));
        assertEquals("NEARLINE", Http.field(admin.get("/strata/api/studies/" + study).body(), "availability"));
    }

    @Test
    @Order(7)
    void aRecallBringsItBackOnlineAndAFailingJobIsDeadLetteredThenRetried() throws Exception {
        HttpResponse<String> recall = admin.postJson("/strata/api/studies/" + study + "/recall", "");
        assertEquals(202, recall.statusCode(), recall.body());
        assertEquals("COMPLETED", admin.awaitJob(Http.field(recall.body(), "id")));
        assertEquals(List.of("ONLINE"), availability("STUDY"));
        assertEquals(diskCopies.keySet(), onlineCopiesLeft(), "the recall wrote the online copies back");

        put("/strata/api/settings/hsm.job.maxAttempts", "{\"value\":\"1\"}", 200);
        int closed = StrataProcess.freePort();
        put("/strata/api/tiers/broken", "{\"uri\":\"s3://nowhere?endpoint=http://127.0.0.1:" + closed
                + "&pathStyle=true\",\"settings\":{\"accessKeyId\":\"a\",\"secretAccessKey\":\"b\"}}", 201);
        HttpResponse<String> migrate = admin.postJson("/strata/api/studies/" + study + "/migrate",
                "{\"tier\":\"broken\",\"keepSource\":true}");
        assertEquals(202, migrate.statusCode(), migrate.body());
        String id = Http.field(migrate.body(), "id");
        assertEquals("FAILED", admin.awaitJob(id));
        String failed = admin.get("/strata/api/jobs?state=FAILED").body();
        assertTrue(failed.contains("\"id\":" + id + ","), failed);
        assertFalse(Http.field(admin.get("/strata/api/jobs/" + id).body(), "lastError").isEmpty());
        HttpResponse<String> retry = admin.postJson("/strata/api/jobs/" + id + "/retry", "");
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("FAILED", admin.awaitJob(id), "retried once more, and dead-lettered again");
        assertEquals("1", Http.field(admin.get("/strata/api/jobs/" + id).body(), "attempts"));
        assertEquals(List.of("ONLINE"), availability("STUDY"), "a failed copy changes nothing");
    }

    @Test
    @Order(8)
    void aDamagedCopyOnAnyTierIsNeverSentAndTheScrubberRepairsIt() throws Exception {
        HttpResponse<String> copy = admin.postJson("/strata/api/studies/" + study + "/migrate",
                "{\"tier\":\"s3\",\"keepSource\":true}");
        assertEquals("COMPLETED", admin.awaitJob(Http.field(copy.body(), "id")));
        List<String> ids = List.copyOf(new TreeSet<>(diskCopies.keySet()));
        String onOnline = ids.get(0);
        String onS3 = ids.get(1);
        String onTape = ids.get(2);
        flipByte(files(online()).stream().filter(f -> name(f).equals(onOnline)).findFirst().orElseThrow(), 300);
        flipByte(bucket.resolve(onS3), 300);
        String[] entry = Files.readAllLines(library.resolve("catalogue.tsv")).stream()
                .map(l -> l.split("\t")).filter(e -> e[0].equals("E") && e[1].equals(onTape)).reduce((a, b) -> b)
                .orElseThrow();
        flipByte(library.resolve(entry[2] + ".tar"), Long.parseLong(entry[4]) + 300);

        Path received = Files.createDirectories(work.resolve("received-damaged"));
        assertEquals(INSTANCES, moveStudyTo(received, study), "every instance delivered");
        Set<String> disk = diskCopies.values().stream().map(HsmTieringIT::dataSetHex).collect(Collectors.toSet());
        for (Path f : files(received)) {
            assertTrue(disk.contains(dataSetHex(Files.readAllBytes(f))), f + " is an undamaged copy");
        }

        for (String[] tierAndId : new String[][] {{"online", onOnline}, {"s3", onS3}, {"tape", onTape}}) {
            String report = admin.postJson("/strata/api/tiers/" + tierAndId[0] + "/scrub", "").body();
            assertTrue(report.contains("\"bad\":[\"" + tierAndId[1] + "\"]"), report);
            assertTrue(report.contains("\"repaired\":[\"" + tierAndId[1] + "\"]"), report);
            String again = admin.postJson("/strata/api/tiers/" + tierAndId[0] + "/scrub", "").body();
            assertTrue(again.contains("\"bad\":[]"), "repaired for good: " + again);
        }
        assertArrayEquals(diskCopies.get(onS3), Files.readAllBytes(bucket.resolve(onS3)));
    }

    @Test
    @Order(9)
    void aMoveOverStudiesOnThreeVolumesMountsEachVolumeOnce() throws Exception {
        Path library3 = work.resolve("library3");
        String tier = "{\"uri\":\"tar:" + library3 + "?volumeSize=120000\"}";
        put("/strata/api/tiers/tape3", tier, 201);
        List<String> studies = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            studies.add(storeNewStudy("three-" + i, 2));
        }
        for (String s : studies) {
            HttpResponse<String> r = admin.postJson("/strata/api/studies/" + s + "/migrate", "{\"tier\":\"tape3\"}");
            assertEquals("COMPLETED", admin.awaitJob(Http.field(r.body(), "id")), r.body());
        }
        try (Stream<Path> volumes = Files.list(library3)) {
            assertEquals(3, volumes.filter(f -> name(f).endsWith(".tar")).count(), "one volume per study");
        }
        put("/strata/api/tiers/tape3", tier, 200); // unloads the drive
        Path received = Files.createDirectories(work.resolve("received-three"));
        assertEquals(6, moveStudyTo(received, String.join("\\", studies)));
        String usage = admin.get("/strata/api/tiers/tape3/usage").body();
        assertEquals("3", Http.field(usage, "mounts"), "each of the three volumes mounted once: " + usage);
    }

    @Test
    @Order(10)
    void aboveTheHighWatermarkOnlyStudiesWithLowerCopiesAreEvictedLeastRecentlyAccessedFirst() throws Exception {
        String onlyOnline = storeNewStudy("wm-c", 2); // accessed before the two below, but without a lower copy
        String older = storeNewStudy("wm-a", 2);
        String newer = storeNewStudy("wm-b", 2);
        for (String s : List.of(older, newer)) {
            HttpResponse<String> r = admin.postJson("/strata/api/studies/" + s + "/migrate",
                    "{\"tier\":\"s3\",\"keepSource\":true}");
            assertEquals("COMPLETED", admin.awaitJob(Http.field(r.body(), "id")), r.body());
        }
        long used = Long.parseLong(Http.field(admin.get("/strata/api/tiers/online/usage").body(), "bytes"));
        // the first study was retrieved (tests above, by the clock offset P400D): accessed last of all
        long low = used - onlineBytes(older) - onlineBytes(newer);
        put("/strata/api/settings/hsm.online.highWatermark", "{\"value\":\"" + (used - 1) + "\"}", 200);
        put("/strata/api/settings/hsm.online.lowWatermark", "{\"value\":\"" + low + "\"}", 200);
        HttpResponse<String> r = admin.postJson("/strata/api/tiers/online/evict", "");
        assertEquals(200, r.statusCode(), r.body());
        long after = Long.parseLong(Http.field(admin.get("/strata/api/tiers/online/usage").body(), "bytes"));
        assertEquals(low, after, "evicted down to the low watermark: " + r.body());
        assertEquals(0, onlineBytes(older), "least recently accessed study with lower copies evicted first");
        assertEquals(0, onlineBytes(newer));
        assertTrue(onlineBytes(onlyOnline) > 0, "a study without a lower copy is never evicted");
        assertTrue(onlineBytes(study) > 0, "the study retrieved last is kept: no more evicted than needed");
        assertEquals("NEARLINE", Http.field(admin.get("/strata/api/studies/" + older).body(), "availability"));
        assertEquals("ONLINE", Http.field(admin.get("/strata/api/studies/" + onlyOnline).body(), "availability"));
    }

    @Test
    @Order(11)
    void recalledCopiesExpireByADeleteRuleOnTheTimeSinceLastAccess() throws Exception {
        admin.delete("/strata/api/rules/to-object");
        admin.delete("/strata/api/rules/to-tape");
        put("/strata/api/settings/hsm.online.highWatermark", "{\"value\":\"" + Long.MAX_VALUE + "\"}", 200);
        String recalled = storeNewStudy("expiring", 2, RULE_SOURCE_AE);
        HttpResponse<String> move = admin.postJson("/strata/api/studies/" + recalled + "/migrate",
                "{\"tier\":\"s3\",\"keepSource\":false}");
        assertEquals("COMPLETED", admin.awaitJob(Http.field(move.body(), "id")), move.body());
        HttpResponse<String> recall = admin.postJson("/strata/api/studies/" + recalled + "/recall", "");
        assertEquals("COMPLETED", admin.awaitJob(Http.field(recall.body(), "id")), recall.body());
        assertTrue(onlineBytes(recalled) > 0, "recalled online");
        put("/strata/api/rules/recall-expiry", "{\"action\":\"DELETE\",\"sourceTier\":\"online\",\"sourceAe\":\""
                + RULE_SOURCE_AE + "\",\"minAgeSinceAccess\":\"P7D\"}", 201);
        try {
            // the recall counts as an access, by the storage manager's clock (offset P400D by now)
            assertEquals(List.of(), evaluate(), "a copy recalled just now does not expire");
            assertEquals(2, moveStudyTo(Files.createDirectories(work.resolve("received-recalled")), recalled));
            long cached = cacheStat("entries");
            long hits = cacheStat("hits");
            assertEquals(2, moveStudyTo(Files.createDirectories(work.resolve("received-recalled-again")), recalled));
            assertTrue(cacheStat("hits") - hits >= 2, "the second retrieve finds the locations in the cache");
            put("/strata/api/settings/hsm.clock.offset", "{\"value\":\"P408D\"}", 200);
            List<String> jobs = evaluate();
            assertEquals(1, jobs.size(), "the recalled study's online copies expire: " + jobs);
            assertEquals("COMPLETED", admin.awaitJob(jobs.get(0)));
            assertEquals(0, onlineBytes(recalled), "online copies released");
            assertEquals(cached - 2, cacheStat("entries"), "the released copies' locations left the cache");
            assertEquals(2, moveStudyTo(Files.createDirectories(work.resolve("received-expired")), recalled),
                    "retrieved from S3 once the online copies expired");
            String status = admin.get("/strata/api/studies/" + recalled).body();
            assertEquals("NEARLINE", Http.field(status, "availability"), status);
            assertTrue(status.contains("\"instances\":2,\"tier\":\"s3\""), "the S3 copies stay: " + status);
        } finally {
            admin.delete("/strata/api/rules/recall-expiry");
        }
    }

    private static long cacheStat(String name) throws Exception {
        return Long.parseLong(Http.field(admin.get("/strata/api/caches/locations").body(), name));
    }

    /** Evaluates the rules now; returns the ids of the jobs enqueued. */
    private static List<String> evaluate() throws Exception {
        HttpResponse<String> r = admin.postJson("/strata/api/rules/evaluate", "");
        assertEquals(200, r.statusCode(), r.body());
        return java.util.regex.Pattern.compile("\\d+").matcher(r.body()).results().map(m -> m.group()).toList();
    }

    private static long onlineBytes(String studyUid) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"bytes\":(\\d+),\"instances\":\\d+,\"tier\":\"online\"")
                .matcher(admin.get("/strata/api/studies/" + studyUid).body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String storeNewStudy(String name, int instances) throws Exception {
        return storeNewStudy(name, instances, "STORESCU");
    }

    private static String storeNewStudy(String name, int instances, String callingAe) throws Exception {
        Path dir = work.resolve(name);
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", dir.toString(),
                String.valueOf(instances)).start();
        String uid = new String(gen.getInputStream().readAllBytes()).strip();
        assertEquals(0, gen.waitFor());
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", callingAe, "-aec", "STRATA", "127.0.0.1", dicomPort(), "+sd",
                dir.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        return uid;
    }

    /** C-MOVE of the studies (UID list) to a storescp writing into {@code into}; returns the files received. */
    private static int moveStudyTo(Path into, String studyUids) throws Exception {
        int port = StrataProcess.freePort();
        ProcessBuilder pb = new ProcessBuilder("storescp", "-aet", "HSMSCP2", "-od", into.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(into.resolveSibling(name(into) + ".log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process storescp = pb.start();
        try {
            StrataProcess.awaitListening(port, storescp);
            admin.putJson("/strata/api/aes/HSMSCP2", "{\"host\":\"127.0.0.1\",\"port\":" + port + "}");
            Dcmtk.Result r = Dcmtk.run("movescu", "-v", "-S", "-aec", "STRATA", "-aem", "HSMSCP2", "127.0.0.1",
                    dicomPort(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUids);
            assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
        }
        return files(into).size();
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) ~b.get(0));
            b.rewind();
            ch.write(b, position);
        }
    }

    private static void evaluateAndAwaitCompletion() throws Exception {
        HttpResponse<String> r = admin.postJson("/strata/api/rules/evaluate", "");
        assertEquals(200, r.statusCode(), r.body());
        String jobs = jobsOfStudy();
        List<String> open = java.util.regex.Pattern.compile("\"id\":(\\d+),[^}]*\"state\":\"(QUEUED|RUNNING)\"")
                .matcher(jobs).results().map(m -> m.group(1)).toList();
        assertEquals(1, open.size(), "one job for the study: " + jobs);
        assertEquals("COMPLETED", admin.awaitJob(open.get(0)));
    }

    private static String jobsOfStudy() throws Exception {
        return admin.get("/strata/api/jobs?study=" + study).body();
    }

    private static List<String> availability(String level) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-S", "-aec", "STRATA", "127.0.0.1", dicomPort(),
                "-k", "QueryRetrieveLevel=" + level, "-k", "StudyInstanceUID=" + study, "-k", "InstanceAvailability"));
        if (level.equals("IMAGE")) {
            args.addAll(List.of("-k", "SeriesInstanceUID", "-k", "SOPInstanceUID"));
        }
        Dcmtk.Result r = Dcmtk.run("findscu", args);
        assertEquals(0, r.exitCode(), r.output());
        return Dcmtk.values(r.output(), "0008,0056");
    }

    private static void put(String path, String json, int expected) throws Exception {
        HttpResponse<String> r = admin.putJson(path, json);
        assertEquals(expected, r.statusCode(), path + ": " + r.body());
    }

    private static Set<String> onlineCopiesLeft() throws IOException {
        Set<String> left = objects(online());
        left.retainAll(diskCopies.keySet());
        return left;
    }

    private static Path online() {
        return Path.of(System.getProperty("it.data.dir"), "storage");
    }

    private static Set<String> objects(Path dir) throws IOException {
        return files(dir).stream().map(HsmTieringIT::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> !name(f).startsWith(".")).toList();
        }
    }

    private static String name(Path f) {
        return f.getFileName().toString();
    }

    private static String dataSetHex(byte[] part10) {
        try (InputStream in = new java.io.ByteArrayInputStream(part10)) {
            DataInputStream d = new DataInputStream(in);
            d.skipNBytes(128 + 4 + 8);
            byte[] len = d.readNBytes(4);
            long groupLength = (len[0] & 0xFFL) | (len[1] & 0xFFL) << 8 | (len[2] & 0xFFL) << 16 | (len[3] & 0xFFL) << 24;
            d.skipNBytes(groupLength);
            return java.util.HexFormat.of().formatHex(d.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dicomPort() {
        return System.getProperty("it.dicom.port");
    }
}
