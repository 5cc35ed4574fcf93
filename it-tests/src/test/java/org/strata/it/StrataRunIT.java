package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./strata run} as a user runs it: a fresh data dir, free ports, the console up behind a
 * generated admin password, a clean stop on SIGTERM, and the H2 database surviving a restart.
 */
class StrataRunIT {

    @TempDir
    Path data;

    @Test
    void runStartsTheArchiveAndKeepsItsDataAcrossRestarts() throws Exception {
        String password;
        String value = "kept-" + System.nanoTime();
        try (StrataProcess strata = StrataProcess.start(data)) {
            strata.awaitConsole();
            password = generatedPassword(strata.output());
            Path passwordFile = data.resolve("security/admin-password");
            assertEquals(password, Files.readString(passwordFile).trim());
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(passwordFile));

            assertEquals(401, Http.anonymous(strata.httpPort()).get("/strata/").statusCode());
            Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "STRATA", "127.0.0.1", String.valueOf(strata.dicomPort()));
            assertEquals(0, echo.exitCode(), "C-ECHO to the DICOM port: " + echo.output());
            Http admin = Http.admin(strata.httpPort(), password);
            assertEquals(200, admin.get("/strata/").statusCode());
            assertEquals(200, admin.putJson("/strata/api/settings/run.kept", "{\"value\":\"" + value + "\"}").statusCode());

            assertEquals(0, strata.stop(), strata.output());
            assertTrue(strata.output().contains("WFLYSRV0050"), "WildFly did not log a clean stop:\n" + strata.output());
        }
        assertTrue(Files.isRegularFile(data.resolve("db/strata.mv.db")), "H2 keeps its file in the data dir");

        try (StrataProcess again = StrataProcess.start(data)) {
            again.awaitConsole();
            assertFalse(again.output().contains("created console user"), "the password is made only once");
            Http admin = Http.admin(again.httpPort(), password);
            assertEquals(value, Http.field(admin.get("/strata/api/settings/run.kept").body(), "value"));
            assertEquals(0, again.stop());
        }
    }

    @Test
    void aPortInUseIsReportedInOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            StrataProcess.Result r = StrataProcess.runToEnd(data, "--http-port", String.valueOf(busy.getLocalPort()));
            assertNotEquals(0, r.exitCode());
            assertEquals("strata: http port " + busy.getLocalPort()
                    + " is already in use (choose another with --http-port)", r.stderr().trim());
        }
    }

    @Test
    void anUnwritableDataDirIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-dir"), "x");
        StrataProcess.Result r = StrataProcess.runToEnd(file);
        assertNotEquals(0, r.exitCode());
        assertEquals("strata: data directory " + file + " is not writable", r.stderr().trim());
    }

    @Test
    void anUnknownOptionIsRefused() throws Exception {
        StrataProcess.Result r = StrataProcess.runToEnd(data, "--no-such-option");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("strata: unknown option of run: --no-such-option"), r.stderr());
    }

    private static String generatedPassword(String output) {
        Matcher m = Pattern.compile("created console user 'admin' with password: (\\S+)").matcher(output);
        assertTrue(m.find(), "no generated password in:\n" + output);
        return m.group(1);
    }
}
