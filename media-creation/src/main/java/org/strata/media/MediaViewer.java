package org.strata.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The display application put on each piece when a request asks for it (Include Display
 * Application (2200,0009), PS3.4 S.3.1.2.1.1): the folder named by setting
 * {@code media.viewer.folder} is copied as {@code VIEWER/} beside the DICOMDIR, on every piece
 * (as dcm4chee-cdw did), its size taken off each piece's capacity. Symbolic links are not followed.
 */
public final class MediaViewer {

    /** Settings: the folder holding the viewer to copy. */
    public static final String SETTING = "media.viewer.folder";

    /** Its name on the medium (a File ID component: 8 of A-Z 0-9 _). */
    public static final String FOLDER = "VIEWER";

    private final Path source;

    private MediaViewer(Path source) {
        this.source = source;
    }

    /** The configured viewer folder; a {@link MediaRequestRefused} when it is not set or not a folder. */
    public static MediaViewer configured(Function<String, Optional<String>> settings) {
        String folder = settings.apply(SETTING).map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new MediaRequestRefused("Include Display Application asked for, but no viewer "
                        + "folder is configured (setting " + SETTING + ")"));
        Path p = Path.of(folder);
        if (!Files.isDirectory(p)) {
            throw new MediaRequestRefused("the viewer folder " + folder + " (setting " + SETTING + ") is not a folder");
        }
        return new MediaViewer(p);
    }

    /** Bytes the viewer takes on each piece. */
    public long bytes() throws IOException {
        long total = 0;
        for (Path f : files()) {
            total += Files.size(f);
        }
        return total;
    }

    /** Copies the viewer into {@code root/VIEWER}. */
    public void copyInto(Path root) throws IOException {
        Path target = root.resolve(FOLDER);
        for (Path f : files()) {
            Path to = target.resolve(source.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }
}
