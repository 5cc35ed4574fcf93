package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: WildFly is killed with SIGKILL in the middle of a 500-file
 * storescu run; after a restart every acknowledged instance is found and retrievable, and the
 * online tier holds exactly the indexed objects (no orphan, no temporary file).
 */
class CrashRecoveryIT {

    static final int FILES = 500;
    static final int KILL_AFTER = 150;

    @TempDir
    Path data;

    @TempDir
    Path corpus;

    @Test
    void killDashNineLosesNothingAcknowledgedAndLeavesNoOrphan() throws Exception {
        String study = generate();
        Set<String> acknowledged = new TreeSet<>();
        try (StrataProcess strata = StrataProcess.start(data)) {
            strata.awaitConsole();
            storeUntilKilled(strata, acknowledged);
        }
        assertTrue(acknowledged.size() >= KILL_AFTER, "acknowledged before the kill: " + acknowledged.size());
        assertTrue(acknowledged.size() < FILES, "the kill came before the end: " + acknowledged.size());

        try (StrataProcess again = StrataProcess.start(data)) {
            again.awaitConsole();
            String port = String.valueOf(again.dicomPort());
            Set<String> indexed = findAll(port, study);
            assertTrue(indexed.containsAll(acknowledged), "acknowledged but not found: "
                    + acknowledged.stream().filter(u -> !indexed.contains(u)).toList());
            assertEquals(indexed.size(), storedObjects(), "every object on the tier is indexed, and only those");
            assertEquals(0, temporaryFiles(), "no temporary file of an interrupted write is left");

            Path retrieved = Files.createTempDirectory(data, "get");
            Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "STRATA", "-od", retrieved.toString(), "127.0.0.1",
                    port, "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
            assertEquals(0, get.exitCode(), get.output());
            try (Stream<Path> files = Files.list(retrieved)) {
                Set<String> got = new TreeSet<>(files.map(p -> p.getFileName().toString().replaceFirst("^CT\\.", ""))
                        .toList());
                assertTrue(got.containsAll(acknowledged), "acknowledged but not retrievable");
            }
            assertEquals(0, again.stop());
        }
    }

    private String generate() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", corpus.toString(),
                String.valueOf(FILES)).start();
        String study = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return study;
    }

    /** Runs storescu over the corpus and kills WildFly (SIGKILL) once KILL_AFTER stores were acknowledged. */
    private void storeUntilKilled(StrataProcess strata, Set<String> acknowledged) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aec", "STRATA", "127.0.0.1",
                String.valueOf(strata.dicomPort()), corpus.toString()));
        cmd.add(1, "+sd");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        Process storescu = pb.start();
        Pattern sending = Pattern.compile("Sending file: .*/([0-9.]+)\\.dcm");
        String current = null;
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(storescu.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = sending.matcher(line);
                if (m.find()) {
                    current = m.group(1);
                } else if (line.contains("Received Store Response (Success)") && current != null && !killed) {
                    acknowledged.add(current);
                    if (acknowledged.size() == KILL_AFTER) {
                        long pid = Long.parseLong(Files.readString(data.resolve("server/wildfly.pid")).strip());
                        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
                        killed = true;
                    }
                }
            }
        }
        storescu.waitFor(60, TimeUnit.SECONDS);
        assertTrue(killed, "storescu finished before the kill");
    }

    private static Set<String> findAll(String port, String study) throws Exception {
        Dcmtk.Result r = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", port,
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study, "-k", "SOPInstanceUID");
        assertEquals(0, r.exitCode(), r.output());
        return new TreeSet<>(Dcmtk.values(r.output(), "0008,0018"));
    }

    private long temporaryFiles() throws Exception {
        try (Stream<Path> s = Files.walk(data.resolve("storage"))) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    private long storedObjects() throws Exception {
        try (Stream<Path> s = Files.walk(data.resolve("storage"))) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
