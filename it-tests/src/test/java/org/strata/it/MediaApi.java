package org.strata.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** {@code /strata/api/media} as the admin: create, poll, download, cancel. */
final class MediaApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base = "http://127.0.0.1:" + Deployments.httpPort();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + Deployments.adminPassword()).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return CLIENT.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<Path> download(String path, Path to) throws IOException, InterruptedException {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(to));
    }

    /** POSTs a request and returns its id (the request's SOP Instance UID). */
    String create(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/strata/api/media", json);
        if (r.statusCode() != 201) {
            throw new AssertionError("media request refused: " + r.statusCode() + " " + r.body());
        }
        return Http.field(r.body(), "id");
    }

    /** Polls until the request is DONE or FAILURE; returns the last JSON. */
    String awaitFinished(String id, Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        String json = "";
        while (Instant.now().isBefore(end)) {
            json = get("/strata/api/media/" + id).body();
            String status = Http.field(json, "status");
            if (status.equals("DONE") || status.equals("FAILURE")) {
                return json;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("media request " + id + " not finished within " + timeout + ": " + json);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization);
    }
}
