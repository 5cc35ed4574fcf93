package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of a move disk → S3 and disk → tape: the move is stopped at a step (the
 * fault-injection setting {@code hsm.test.pauseAt} makes the job write a marker file and wait
 * there) and WildFly is killed from outside with {@code kill -9}: after the copy (written, not yet
 * read back), after its verification, after the copies were recorded, or between releasing a
 * source copy and deleting its object. After a restart the job resumes and completes: every
 * instance has exactly its one copy on the target tier and is retrievable, and no orphan is left
 * on the disk, in the bucket or in the TAR volumes.
 */
class HsmCrashIT {

    static final int INSTANCES = 3;

    @TempDir
    Path data;

    @TempDir
    Path work;

    /**
     * Tier and step: each move is killed there: the three steps (after the copy, after its
     * verification, before the delete) and after the record, over both nearline tiers.
     */
    static final List<String[]> DRILLS = List.of(new String[] {"tape", "after-copy"}, new String[] {"s3", "after-verify"},
            new String[] {"s3", "before-delete"}, new String[] {"s3", "after-copy"}, new String[] {"s3", "after-record"},
            new String[] {"tape", "before-delete"});

    /**
     * One data directory, one study per drill (WildFly is prepared once, then restarted after
     * each kill: a fresh server per drill would take far longer on a loaded machine).
     */
    @Test
    void aMoveKilledAtAnyStepFinishesAfterRestartWithNothingLostAndNoOrphan() throws Exception {
        try (S3Proxy s3 = S3Proxy.start(work)) {
            Path bucket = s3.createBucket("crash");
            StrataProcess strata = StrataProcess.start(data);
            try {
                strata.awaitConsole();
                Http admin = admin(strata);
                assertEquals(201, admin.putJson("/strata/api/tiers/s3", "{\"uri\":\"s3://crash?endpoint=" + s3.endpoint()
                        + "&pathStyle=true\",\"settings\":{\"accessKeyId\":\"" + S3Proxy.IDENTITY
                        + "\",\"secretAccessKey\":\"" + S3Proxy.CREDENTIAL + "\"}}").statusCode());
                assertEquals(201, admin.putJson("/strata/api/tiers/tape", "{\"uri\":\"tar:" + library()
                        + "?volumeSize=100000000\"}").statusCode());
                int onS3 = 0;
                int onTape = 0;
                for (int d = 0; d < DRILLS.size(); d++) {
                    String tier = DRILLS.get(d)[0];
                    String point = DRILLS.get(d)[1];
                    strata = killedAt(strata, d, tier, point);
                    onS3 += tier.equals("s3") ? INSTANCES : 0;
                    onTape += tier.equals("tape") ? INSTANCES : 0;
                    String drill = "kill -9 at " + point + " of a move to " + tier + ": ";
                    assertEquals(Set.of(), objects(data.resolve("storage")), drill + "no copy or orphan left on disk");
                    assertEquals(onS3, objects(bucket).size(), drill + "exactly one object per instance in the bucket");
                    assertEquals(onTape, tarEntries(), drill + "exactly one TAR entry per instance in the volumes");
                }
                assertEquals(0, strata.stop());
            } finally {
                strata.close();
            }
        }
    }

    /** Stores a study, moves it to the tier, kills WildFly at the step, restarts it; returns the new process. */
    private StrataProcess killedAt(StrataProcess strata, int n, String tier, String point) throws Exception {
        String drill = "kill -9 at " + point + " of a move to " + tier + ": ";
        Path dir = work.resolve("study-" + n);
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", dir.toString(),
                String.valueOf(INSTANCES)).start();
        String study = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, gen.waitFor());
        Dcmtk.Result stored = Dcmtk.run("storescu", "-ta", "120", "-aec", "STRATA", "127.0.0.1",
                String.valueOf(strata.dicomPort()), "+sd", dir.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        assertEquals(INSTANCES, objects(data.resolve("storage")).size());
        Http admin = admin(strata);
        assertEquals(200, admin.putJson("/strata/api/settings/hsm.test.pauseAt", "{\"value\":\"" + point + "\"}")
                .statusCode());
        HttpResponse<String> migrate = admin.postJson("/strata/api/studies/" + study + "/migrate",
                "{\"tier\":\"" + tier + "\",\"keepSource\":false}");
        assertEquals(202, migrate.statusCode(), migrate.body());
        String job = Http.field(migrate.body(), "id");
        assertEquals(point, awaitPause(), drill + "the job stopped at the step armed");
        long pid = Long.parseLong(Files.readString(data.resolve("server/wildfly.pid")).strip());
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -9 " + pid);
        awaitDeath(pid);
        strata.close();

        StrataProcess again = StrataProcess.start(data);
        again.awaitConsole();
        Http admin2 = admin(again);
        assertEquals("COMPLETED", admin2.awaitJob(job), drill + "the job resumed after the restart");
        String status = admin2.get("/strata/api/studies/" + study).body();
        assertTrue(status.contains("{\"availability\":\"NEARLINE\",\"bytes\":")
                && status.contains("\"instances\":" + INSTANCES + ",\"tier\":\"" + tier + "\"")
                && !status.contains("\"tier\":\"online\""), drill + status);
        Path got = Files.createDirectories(work.resolve("got-" + n));
        Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "STRATA", "-od", got.toString(), "127.0.0.1",
                String.valueOf(again.dicomPort()), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
        assertEquals(0, get.exitCode(), get.output());
        assertEquals(INSTANCES, objects(got).size(), drill + "every instance retrievable from " + tier);
        return again;
    }

    private Http admin(StrataProcess strata) throws IOException {
        return Http.admin(strata.httpPort(), Files.readString(data.resolve("security/admin-password")).strip());
    }

    private Path library() {
        return work.resolve("library");
    }

    /** The step the job paused at, once it wrote its marker in the server's data directory. */
    private String awaitPause() throws Exception {
        Path marker = data.resolve("server/data/hsm-paused-at");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(marker) || Files.size(marker) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job did not pause at the crash point");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        String point = Files.readString(marker).strip();
        Files.delete(marker);
        return point;
    }

    /** Entries in every TAR volume of the library, listed by {@code tar tf}. */
    private long tarEntries() throws Exception {
        if (!Files.isDirectory(library())) {
            return 0;
        }
        List<Path> volumes;
        try (Stream<Path> s = Files.list(library())) {
            volumes = s.filter(f -> f.getFileName().toString().endsWith(".tar")).toList();
        }
        long entries = 0;
        for (Path v : volumes) {
            Process tar = new ProcessBuilder("tar", "tf", v.toString()).redirectErrorStream(true).start();
            List<String> names = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            assertEquals(0, tar.waitFor(), v + ": " + names);
            entries += names.size();
        }
        return entries;
    }

    private static void awaitDeath(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("WildFly did not die of kill -9");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static Set<String> objects(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
