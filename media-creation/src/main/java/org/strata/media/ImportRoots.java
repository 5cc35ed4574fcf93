package org.strata.media;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders server-side imports may read from (setting {@value #SETTING}: absolute paths
 * separated by commas or new lines; unset: the data directory's {@code inbox} folder). A requested
 * path is accepted only when its real path (symbolic links and {@code ..} resolved) lies below the
 * real path of one of them, so a client of the REST API cannot make the server read arbitrary files.
 */
public record ImportRoots(List<Path> roots) {

    /** Settings: the folders imports may read from. */
    public static final String SETTING = "import.allowed-roots";

    public ImportRoots {
        roots = List.copyOf(roots);
    }

    /** From the setting's value; empty or absent: {@code defaultRoot} only. */
    public static ImportRoots of(Optional<String> setting, Path defaultRoot) {
        List<Path> list = new ArrayList<>();
        for (String s : setting.orElse("").split("[,\\n]")) {
            if (!s.isBlank()) {
                list.add(Path.of(s.trim()));
            }
        }
        return new ImportRoots(list.isEmpty() ? List.of(defaultRoot) : list);
    }

    /** The default root: {@code strata.data.dir/inbox}. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("strata.data.dir", "strata-data"), "inbox").toAbsolutePath();
    }

    /**
     * Checks that {@code path} (absolute) lies below one of the roots. A path that does not exist
     * is compared as written (normalized), so that whether a file exists outside the roots is not told.
     *
     * @throws MediaRequestRefused when it does not, naming the setting
     * @throws NoSuchFileException when it would be allowed but does not exist
     */
    public void check(Path path) throws IOException {
        Path real;
        boolean exists = true;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            real = path.toAbsolutePath().normalize();
            exists = false;
        }
        for (Path root : roots) {
            if (!root.isAbsolute()) {
                continue;
            }
            Path realRoot;
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                continue; // a configured root that does not exist (yet) allows nothing
            }
            if (real.startsWith(realRoot) || !exists && real.startsWith(root.normalize())) {
                if (!exists) {
                    throw new NoSuchFileException(path.toString());
                }
                return;
            }
        }
        throw new MediaRequestRefused("the import path " + path + " is outside the folders imports may read from "
                + roots + " (setting " + SETTING + ")");
    }
}
