package org.strata.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server from Debian's {@code postgresql} package, started for one test on a
 * free port with a throw-away cluster: initdb, pg_ctl start, createdb. PostgreSQL refuses to run as
 * root, so under root (CI containers) every command runs as the package's {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "strata";
    static final String DATABASE = "strata";

    private final Path bin;
    private final Path dir;
    private final Path cluster;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.cluster = dir.resolve("cluster");
        this.port = port;
    }

    static PostgresServer start() throws Exception {
        Path bin = newestBinDir();
        Path dir = Files.createTempDirectory("strata-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cluster = dir.resolve("cluster");
        Files.createDirectory(cluster);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", cluster.toString()), false);
        }
        int port = StrataProcess.freePort();
        PostgresServer pg = new PostgresServer(bin, dir, port);
        pg.pg("initdb", "-D", cluster.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync");
        pg.pg("pg_ctl", "-D", cluster.toString(), "-l", cluster.resolve("server.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1", "start");
        pg.pg("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Runs one SQL statement with psql and returns its unaligned output. */
    String query(String sql) throws Exception {
        return pg("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d", DATABASE,
                "-At", "-c", sql).strip();
    }

    @Override
    public void close() throws Exception {
        try {
            pg("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
        } finally {
            deleteTree(dir);
        }
    }

    /** Stopped clusters are thrown away: each start makes its own under /tmp. */
    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String pg(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        return run(cmd, true);
    }

    private static String run(List<String> cmd, boolean inTmp) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (inTmp) {
            pb.directory(Path.of("/tmp").toFile()); // the postgres user may not enter our working dir
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish: " + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(cmd + " failed with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static boolean isRoot() throws IOException {
        return "root".equals(Files.getOwner(Path.of(System.getProperty("user.home"))).getName())
                && "root".equals(System.getProperty("user.name"));
    }

    private static Path newestBinDir() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new AssertionError("no PostgreSQL server in /usr/lib/postgresql "
                            + "(Debian package postgresql, installed by ./strata test)"));
        }
    }
}
