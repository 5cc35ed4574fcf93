package org.strata.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ./strata run} in a child process, on free ports, with its output captured. */
final class StrataProcess implements AutoCloseable {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private static final Path ROOT = Path.of(System.getProperty("strata.root"));

    private final Process process;
    private final int httpPort;
    private final int dicomPort;
    private final StringBuffer output = new StringBuffer();

    private StrataProcess(Process process, int httpPort, int dicomPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        Thread pump = new Thread(() -> pump(process.getInputStream()), "strata-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code ./strata run --data DIR} on free ports with extra options, without STRATA_ADMIN_PASSWORD. */
    static StrataProcess start(Path data, String... extra) throws IOException {
        int http = freePort();
        int dicom = freePort();
        List<String> args = new ArrayList<>(List.of("--http-port", String.valueOf(http),
                "--dicom-port", String.valueOf(dicom)));
        args.addAll(List.of(extra));
        ProcessBuilder pb = builder(data, args.toArray(String[]::new)).redirectErrorStream(true);
        return new StrataProcess(pb.start(), http, dicom);
    }

    /** Runs {@code ./strata run} to its end with extra arguments: for the refusals. */
    static Result runToEnd(Path data, String... extra) throws Exception {
        Path out = java.nio.file.Files.createTempFile("strata-run", ".out");
        Path err = java.nio.file.Files.createTempFile("strata-run", ".err");
        try {
            Process p = builder(data, extra).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("./strata run did not end: " + java.nio.file.Files.readString(out)
                        + java.nio.file.Files.readString(err));
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    private static ProcessBuilder builder(Path data, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("./strata", "run", "--data", data.toString(),
                "--https-port", String.valueOf(freePort()), "--mgmt-port", String.valueOf(freeMgmtPort())));
        cmd.addAll(List.of(extra));
        if (!cmd.contains("--dicom-port")) {
            cmd.addAll(List.of("--dicom-port", String.valueOf(freePort())));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("STRATA_"));
        return pb;
    }

    int httpPort() {
        return httpPort;
    }

    int dicomPort() {
        return dicomPort;
    }

    String output() {
        return output.toString();
    }

    /**
     * Waits until something listens on the local TCP port (a peer just started, e.g. storescp):
     * a C-MOVE sent before that fails its sub-operations with "connection refused".
     */
    static void awaitListening(int port, Process peer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!peer.isAlive()) {
                throw new AssertionError("the peer meant to listen on port " + port + " ended with " + peer.exitValue());
            }
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (ConnectException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on port " + port + " after 30 s");
    }

    /** Waits until the console answers (401 before login), failing if the process ends first. */
    void awaitConsole() throws Exception {
        // 600 s: on a machine shared by several builds (load 30+ on 2 cores) a first start takes over 4 min
        awaitConsole(600);
    }

    /** As {@link #awaitConsole()}, for as long as given. */
    void awaitConsole(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Http http = Http.anonymous(httpPort);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("./strata run ended with " + process.exitValue() + ":\n" + output());
            }
            try {
                int status = http.get("/strata/").statusCode();
                if (status == 401) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet, or still deploying (a loaded machine can take a while)
            }
            Thread.sleep(500);
        }
        throw new AssertionError("console did not answer within " + seconds + " s:\n" + output());
    }

    /**
     * Sends SIGTERM (what Ctrl-C does to the script) and returns the exit code. WildFly and the
     * script's other children are remembered first: whatever of them is still alive once the
     * script has ended (it did not stop in time, or it died) is killed, so no server outlives a test.
     */
    int stop() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        try {
            // Through the handle: Process.destroy() would also close our end of the output pipe, and
            // the script would die of SIGPIPE while WildFly logs its shutdown.
            process.toHandle().destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./strata run did not stop within 120 s");
            }
            return process.exitValue();
        } finally {
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Random PORTS = new java.util.Random();

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up on Linux): a port the
     * kernel hands out for outgoing connections could be taken again before the server binds it.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + PORTS.nextInt(12000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("0.0.0.0", port));
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    /** The management port (the script derives a few more from it, each below 32768 too). */
    private static int freeMgmtPort() throws IOException {
        return freePort();
    }
}
