package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two WildFly nodes ({@code ./strata run}, each with its own data directory) on one real
 * PostgreSQL database share the storage job queue: each claims with {@code SELECT … FOR UPDATE
 * SKIP LOCKED} and a conditional update, both work (their timers fire on the same even seconds, so
 * they claim at the same time), and no job is claimed twice: a claim adds one to the job's
 * attempts, and every job ends COMPLETED with exactly one. A job a dead node was running (the row
 * a node killed mid-job leaves: RUNNING, its owner, a lease that ran out a day ago) is taken over
 * by a live node and completed, with one more attempt and the takeover logged.
 */
class HsmSharedQueueIT {

    static final int JOBS = 400;
    static final long FIRST = 900_000;
    static final long BUSY = 800_000;
    static final String COLUMNS = "(pk, study_iuid, action, target_tier, keep_source, delete_last_copy, state, attempts,"
            + " not_before, owner, created_at, updated_at, lease_until)";

    @TempDir
    Path one;

    @TempDir
    Path two;

    @Test
    void twoNodesShareTheQueueWithoutDoubleWorkAndTakeOverTheJobOfADeadNode() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); StrataProcess a = start(one, pg)) {
            a.awaitConsole(); // the first node creates the schema, then the second joins
            try (StrataProcess b = start(two, pg)) {
                b.awaitConsole();
                shareTheQueue(pg, a, b);
            }
        }
    }

    private void shareTheQueue(PostgresServer pg, StrataProcess a, StrataProcess b) throws Exception {
        // jobs of studies the archive does not hold: each completes at once, with nothing to copy
        // (timestamps a day back, whatever the session time zone)
        pg.query("INSERT INTO hsm_job " + COLUMNS + " VALUES (" + FIRST + ", '1.2.826.0.1.3680043.2.1143.999',"
                + " 'COPY', 'online', true, false, 'RUNNING', 1, now() - interval '1 day', 'dead-node:/gone',"
                + " now() - interval '1 day', now() - interval '1 day', now() - interval '1 day')");
        // a job a live node is running: its lease holds for another hour, nobody may take it
        pg.query("INSERT INTO hsm_job " + COLUMNS + " VALUES (" + BUSY + ", '1.2.826.0.1.3680043.2.1143.998',"
                + " 'COPY', 'online', true, false, 'RUNNING', 1, now() - interval '1 day', 'busy-node:/alive',"
                + " now() - interval '1 day', now() - interval '1 day', now() + interval '1 hour')");
        pg.query("INSERT INTO hsm_job " + COLUMNS + " SELECT " + FIRST + " + g, '1.2.826.0.1.3680043.2.1143.' || g,"
                + " 'COPY', 'online', true, false, 'QUEUED', 0, now() - interval '1 day', NULL,"
                + " now() - interval '1 day', now() - interval '1 day', NULL FROM generate_series(1, " + JOBS + ") g");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String open;
        while (!(open = pg.query("SELECT COUNT(*) FROM hsm_job WHERE pk >= " + FIRST + " AND state <> 'COMPLETED'"))
                .equals("0")) {
            assertTrue(System.nanoTime() < deadline, open + " jobs still open after 300 s");
            TimeUnit.MILLISECONDS.sleep(500);
        }

        assertEquals("0", pg.query("SELECT COUNT(*) FROM hsm_job WHERE pk > " + FIRST + " AND attempts <> 1"),
                "no job was claimed twice");
        List<String> owners = pg.query("SELECT DISTINCT owner FROM hsm_job WHERE pk > " + FIRST + " ORDER BY 1")
                .lines().toList();
        assertEquals(2, owners.size(), "both nodes worked: " + owners);
        assertTrue(owners.stream().anyMatch(o -> o.endsWith(one.resolve("server").toString()))
                && owners.stream().anyMatch(o -> o.endsWith(two.resolve("server").toString())), owners.toString());

        String takenOver = pg.query("SELECT state || ' ' || attempts || ' ' || owner FROM hsm_job WHERE pk = " + FIRST);
        assertTrue(takenOver.startsWith("COMPLETED 2 "), takenOver);
        assertNotEquals("dead-node:/gone", takenOver.substring("COMPLETED 2 ".length()));
        assertEquals("RUNNING 1 busy-node:/alive",
                pg.query("SELECT state || ' ' || attempts || ' ' || owner FROM hsm_job WHERE pk = " + BUSY),
                "a job whose lease still holds is left to its owner");
        String logs = log(one) + log(two);
        assertTrue(logs.contains("storage job " + FIRST + " taken over from dead-node:/gone"), "takeover logged");
        assertTrue(log(one).contains("FOR UPDATE SKIP LOCKED") && log(two).contains("FOR UPDATE SKIP LOCKED"),
                "both nodes claim with SKIP LOCKED on PostgreSQL");

        assertEquals(0, a.stop(), a.output());
        assertEquals(0, b.stop(), b.output());
    }

    private static StrataProcess start(Path data, PostgresServer pg) throws Exception {
        return StrataProcess.start(data, "--db", "postgresql", "--db-url", pg.jdbcUrl(), "--db-user", PostgresServer.USER,
                "--db-password", "unused-trust-auth");
    }

    private static String log(Path data) throws Exception {
        return Files.readString(data.resolve("server/log/server.log"));
    }
}
