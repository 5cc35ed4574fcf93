package org.strata.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Orthanc (Debian package) started as a peer on free ports, with Strata as its modality
 * {@code strata}, and its REST API over HTTP/1.1.
 */
final class OrthancPeer implements AutoCloseable {

    /** HTTP/1.1: Orthanc's embedded server does not take the h2c upgrade offer of a POST. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int dicomPort;
    final int httpPort;

    private OrthancPeer(Process process, int dicomPort, int httpPort) {
        this.process = process;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
    }

    /** Starts Orthanc with AE title ORTHANC and waits until its REST API answers. */
    static OrthancPeer start() throws Exception {
        Path work = Files.createTempDirectory("orthanc");
        int dicomPort = StrataProcess.freePort();
        int httpPort = StrataProcess.freePort();
        Path config = work.resolve("orthanc.json");
        Files.writeString(config, """
                { "Name": "strata-it", "StorageDirectory": "%s/storage", "IndexDirectory": "%s/index",
                  "DicomAet": "ORTHANC", "DicomPort": %d, "HttpPort": %d,
                  "RemoteAccessAllowed": false, "AuthenticationEnabled": false, "DicomCheckCalledAet": false,
                  "DicomModalities": { "strata": [ "STRATA", "127.0.0.1", %s ] }, "Plugins": [] }
                """.formatted(work, work, dicomPort, httpPort, System.getProperty("it.dicom.port")));
        Process process = new ProcessBuilder("Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("orthanc.log").toFile()).start();
        OrthancPeer peer = new OrthancPeer(process, dicomPort, httpPort);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (peer.get("/system").statusCode() == 200) {
                    return peer;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("Orthanc did not start: " + Files.readString(work.resolve("orthanc.log")));
                }
            }
            Thread.sleep(300);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST /instances; a connection Orthanc closes without answering is tried again, twice. */
    HttpResponse<String> upload(Path file) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri("/instances"))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
