package org.strata.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server for the object tier: S3Proxy (filesystem backend) from Maven Central, run as a
 * child {@code java -jar} on a free port; its jar's path comes in the system property
 * {@code s3proxy.jar}. A bucket is a directory under {@link #data()}.
 */
final class S3Proxy implements AutoCloseable {

    static final String IDENTITY = "local-identity";
    static final String CREDENTIAL = "local-credential";

    private final Process process;
    private final int port;
    private final Path data;

    private S3Proxy(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    static S3Proxy start(Path dir) throws IOException, InterruptedException {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property s3proxy.jar must name the S3Proxy jar, got " + jar);
        }
        Path data = Files.createDirectories(dir.resolve("s3-data"));
        int port = StrataProcess.freePort();
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL, "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data, ""));
        Path log = dir.resolve("s3proxy.log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return new S3Proxy(p, port, data);
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("S3Proxy did not start: " + Files.readString(log));
                }
                TimeUnit.MILLISECONDS.sleep(100); // polling for the port, not a timed wait for a result
            }
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The filesystem backend's directory: one sub-directory per bucket. */
    Path data() {
        return data;
    }

    Path createBucket(String name) throws IOException {
        return Files.createDirectories(data.resolve(name));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
