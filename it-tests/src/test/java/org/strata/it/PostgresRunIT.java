package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./strata run --db postgresql} against a real PostgreSQL server (Debian's package): the
 * archive deploys on it, indexes what DCMTK's storescu sends into PostgreSQL's tables (not H2's),
 * and answers findscu from them.
 */
class PostgresRunIT {

    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path data;

    @Test
    void theArchiveRunsOnPostgresql() throws Exception {
        List<Path> files = List.of(TEST_FILES.resolve("CT_small.dcm"), TEST_FILES.resolve("MR_small.dcm"));
        try (PostgresServer pg = PostgresServer.start();
             StrataProcess strata = StrataProcess.start(data, "--db", "postgresql", "--db-url", pg.jdbcUrl(),
                     "--db-user", PostgresServer.USER, "--db-password", "unused-trust-auth")) {
            strata.awaitConsole();
            String port = String.valueOf(strata.dicomPort());

            Dcmtk.Result store = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", port,
                    files.get(0).toString(), files.get(1).toString());
            assertEquals(0, store.exitCode(), store.output() + strata.output());

            assertEquals("2", pg.query("SELECT COUNT(*) FROM instance"), "both instances indexed in PostgreSQL");
            assertEquals("2", pg.query("SELECT COUNT(*) FROM location"));
            assertFalse(Files.exists(data.resolve("db/strata.mv.db")), "no H2 database was created");

            // every Instant attribute is a real timestamp column, not a serialized Java object (bytea)
            List<String> timeColumns = pg.query("SELECT table_name || '.' || column_name || '=' || data_type"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND (column_name LIKE '%\\_at'"
                    + " OR column_name IN ('not_before', 'lease_until')) ORDER BY 1").lines().toList();
            assertEquals(23, timeColumns.size(), String.join("\n", timeColumns));
            assertTrue(timeColumns.contains("hsm_job.not_before=timestamp with time zone"), timeColumns.toString());
            assertEquals(List.of(), timeColumns.stream().filter(c -> !c.endsWith("=timestamp with time zone")).toList());
            // and the values are the moments they were stored at, comparable in SQL with the server's clock
            assertEquals("2", pg.query("SELECT COUNT(*) FROM instance"
                    + " WHERE received_at BETWEEN now() - interval '10 minutes' AND now()"), pg.query(
                    "SELECT received_at, now() FROM instance"));
            assertEquals("2", pg.query("SELECT COUNT(*) FROM study WHERE received_at <= now()"));
            assertEquals("2", pg.query("SELECT COUNT(*) FROM location WHERE created_at <= now()"));

            Set<String> expected = new TreeSet<>();
            for (Path f : files) {
                expected.addAll(Dcmtk.values(Dcmtk.run("dcmdump", "+P", "0020,000d", f.toString()).output(), "0020,000d"));
            }
            Dcmtk.Result find = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", port,
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances");
            assertEquals(0, find.exitCode(), find.output());
            assertEquals(expected, new TreeSet<>(Dcmtk.values(find.output(), "0020,000d")), find.output());
            assertEquals(List.of("1", "1"), Dcmtk.values(find.output(), "0020,1208"), find.output());

            // a retrieve records the study's last access with a JPQL UPDATE whose Instant parameter the
            // converter binds as a timestamp (pgjdbc cannot bind an Instant itself)
            String first = expected.iterator().next();
            Path got = Files.createTempDirectory(data, "get");
            Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "STRATA", "-od", got.toString(), "127.0.0.1", port,
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + first);
            assertEquals(0, get.exitCode(), get.output() + strata.output());
            assertEquals(first, pg.query("SELECT study_iuid FROM study WHERE accessed_at > received_at"
                    + " AND accessed_at <= now()"), pg.query("SELECT study_iuid, received_at, accessed_at FROM study"));

            assertEquals(0, strata.stop(), strata.output());
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedInOneLine() throws Exception {
        int port = StrataProcess.freePort();
        String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/strata";
        StrataProcess.Result r = StrataProcess.runToEnd(data, "--db", "postgresql", "--db-url", nowhere,
                "--db-user", PostgresServer.USER, "--db-password", "x");
        assertNotEquals(0, r.exitCode(), r.stdout());
        assertEquals("strata: cannot reach PostgreSQL at 127.0.0.1:" + port + " (from --db-url " + nowhere + ")",
                r.stderr().strip());
    }

    @Test
    void aDeploymentThatFailsStopsWildFlyWithOneLine() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            // the server answers, but the database does not exist: the datasource deploys, the
            // persistence unit cannot connect, the deployment fails
            String missing = pg.jdbcUrl().replaceAll("/[^/]+$", "/nosuchdb");
            StrataProcess.Result r = StrataProcess.runToEnd(data, "--db", "postgresql", "--db-url", missing,
                    "--db-user", PostgresServer.USER, "--db-password", "unused-trust-auth");
            assertNotEquals(0, r.exitCode(), r.stdout());
            // standalone.sh itself reports the TERM signal on stderr; ours is the one "strata:" line
            List<String> ours = r.stderr().lines().filter(l -> l.startsWith("strata: ")).toList();
            assertEquals(1, ours.size(), r.stderr());
            assertTrue(ours.get(0).startsWith("strata: the deployment of strata.ear failed, stopping WildFly: ")
                    && ours.get(0).contains("jboss.persistenceunit"), ours.get(0));
            assertFalse(r.stdout().contains("WFLYSRV0025"), "WildFly must not report a clean start");
        }
    }
}
