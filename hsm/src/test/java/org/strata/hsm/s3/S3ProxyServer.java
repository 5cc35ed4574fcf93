package org.strata.hsm.s3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3Proxy (filesystem backend) in a child {@code java -jar} process on a free loopback
 * port. The jar comes from Maven Central as a test dependency; its path arrives in the system
 * property {@code s3proxy.jar} (set by the pom).
 */
final class S3ProxyServer implements AutoCloseable {

    static final S3Credentials CREDENTIALS = new S3Credentials("local-identity", "local-credential");

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private S3ProxyServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static S3ProxyServer start(Path workDir) throws IOException, InterruptedException {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property s3proxy.jar must name the S3Proxy jar, got " + jar);
        }
        Path data = Files.createDirectories(workDir.resolve("s3-data"));
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path conf = workDir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + CREDENTIALS.accessKeyId(),
                "s3proxy.credential=" + CREDENTIALS.secretAccessKey(),
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data, ""));
        Path log = workDir.resolve("s3proxy.log");
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(p, endpoint, log);
        server.awaitListening(port);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("S3Proxy did not listen on port " + port + " within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
