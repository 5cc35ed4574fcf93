package org.strata.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders of one request under {@code strata.data.dir/media/<request UID>}: the file-set of
 * each piece, the images (ISO/ZIP) and the labels.
 */
public record MediaWorkspace(Path root) {

    public static MediaWorkspace of(String requestUid) {
        return new MediaWorkspace(Path.of(System.getProperty("strata.data.dir", "strata-data"), "media", requestUid)
                .toAbsolutePath());
    }

    /** Parent of the pieces' folders {@code PIECE001} … */
    public Path pieces() {
        return root.resolve("pieces");
    }

    public Path piece(int n) {
        return pieces().resolve(String.format("PIECE%03d", n));
    }

    public Path images() {
        return root.resolve("images");
    }

    public Path image(int n, String extension) {
        return images().resolve(String.format("PIECE%03d.%s", n, extension));
    }

    public Path label(int n, String extension) {
        return root.resolve("labels").resolve(String.format("LABEL%03d.%s", n, extension));
    }

    /** Removes a folder tree (nothing if absent). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
