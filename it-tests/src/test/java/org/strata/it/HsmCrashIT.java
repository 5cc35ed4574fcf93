package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety of a move disk → S3: WildFly halts (like kill -9: the fault-injection setting
 * {@code hsm.test.haltAt} stops the JVM with no shutdown hooks) after the copy, after the copies
 * were recorded, or between releasing a source copy and deleting its object. After a restart
 * the job resumes and completes: every instance has exactly its S3 copy, is retrievable, and no
 * orphan object is left in the bucket or on the disk.
 */
class HsmCrashIT {

    static final int INSTANCES = 3;

    @TempDir
    Path data;

    @TempDir
    Path work;

    @ParameterizedTest(name = "halted at {0}")
    @ValueSource(strings = {"after-copy", "after-record", "before-delete"})
    void aMoveHaltedAtAnyStepFinishesAfterRestartWithNothingLostAndNoOrphan(String point) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                work.resolve("study").toString(), String.valueOf(INSTANCES)).start();
        String study = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, gen.waitFor());
        try (S3Proxy s3 = S3Proxy.start(work)) {
            Path bucket = s3.createBucket("crash");
            String job;
            try (StrataProcess strata = StrataProcess.start(data)) {
                strata.awaitConsole();
                Dcmtk.Result stored = Dcmtk.run("storescu", "-ta", "120", "-aec", "STRATA", "127.0.0.1",
                        String.valueOf(strata.dicomPort()), "+sd", work.resolve("study").toString());
                assertEquals(0, stored.exitCode(), stored.output());
                assertEquals(INSTANCES, objects(data.resolve("storage")).size());
                Http admin = admin(strata);
                assertEquals(201, admin.putJson("/strata/api/tiers/s3", "{\"uri\":\"s3://crash?endpoint=" + s3.endpoint()
                        + "&pathStyle=true\",\"settings\":{\"accessKeyId\":\"" + S3Proxy.IDENTITY
                        + "\",\"secretAccessKey\":\"" + S3Proxy.CREDENTIAL + "\"}}").statusCode());
                assertEquals(200, admin.putJson("/strata/api/settings/hsm.test.haltAt",
                        "{\"value\":\"" + point + "\"}").statusCode());
                HttpResponse<String> migrate = admin.postJson("/strata/api/studies/" + study + "/migrate",
                        "{\"tier\":\"s3\",\"keepSource\":false}");
                assertEquals(202, migrate.statusCode(), migrate.body());
                job = Http.field(migrate.body(), "id");
                long pid = Long.parseLong(Files.readString(data.resolve("server/wildfly.pid")).strip());
                awaitDeath(pid);
            }
            try (StrataProcess again = StrataProcess.start(data)) {
                again.awaitConsole();
                Http admin = admin(again);
                assertEquals("COMPLETED", admin.awaitJob(job), "the job resumed after the restart");
                String status = admin.get("/strata/api/studies/" + study).body();
                assertTrue(status.contains("{\"availability\":\"NEARLINE\",\"bytes\":")
                        && status.contains("\"instances\":" + INSTANCES + ",\"tier\":\"s3\"")
                        && !status.contains("\"tier\":\"online\""), status);
                assertEquals(Set.of(), objects(data.resolve("storage")), "no copy or orphan left on disk");
                assertEquals(INSTANCES, objects(bucket).size(), "exactly one object per instance in the bucket");
                Path got = Files.createDirectories(work.resolve("got"));
                Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "STRATA", "-od", got.toString(), "127.0.0.1",
                        String.valueOf(again.dicomPort()), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
                assertEquals(0, get.exitCode(), get.output());
                assertEquals(INSTANCES, objects(got).size(), "every instance retrievable from S3");
                assertEquals(0, again.stop());
            }
        }
    }

    private Http admin(StrataProcess strata) throws IOException {
        return Http.admin(strata.httpPort(), Files.readString(data.resolve("security/admin-password")).strip());
    }

    private static void awaitDeath(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("WildFly did not halt at the crash point");
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
