package org.strata.ejb.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Finds objects on a disk tier that a crash left committed but never indexed (killed between
 * the rename and the database commit), and deletes them. Only what changed since the last
 * reconciliation is looked at: directories whose modification time is older are skipped whole.
 */
final class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    /** File systems' timestamp granularity and clock skew: look a little further back. */
    static final long MARGIN_MILLIS = 5_000;

    /** Where the time of the last reconciliation of a root is kept: beside the root, not in it. */
    static Path stampOf(Path root) {
        return root.resolveSibling(root.getFileName() + ".reconciled");
    }

    private Reconciliation() {
    }

    /**
     * @param root       a root of the tier (objects below its two fan-out levels)
     * @param upTo       objects modified before this are considered (nothing is being written)
     * @param referenced whether an object id is referenced by the index
     * @return the number of orphans deleted
     */
    static int run(Path root, Instant upTo, Predicate<String> referenced) throws IOException {
        Path stamp = stampOf(root);
        long since = Files.exists(stamp) ? Files.getLastModifiedTime(stamp).toMillis() - MARGIN_MILLIS : Long.MIN_VALUE;
        int deleted = 0;
        for (Path level1 : changedDirectories(root, since)) {
            for (Path level2 : changedDirectories(level1, since)) {
                deleted += deleteOrphans(level2, since, upTo, referenced);
            }
        }
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(upTo));
        return deleted;
    }

    private static java.util.List<Path> changedDirectories(Path dir, long since) throws IOException {
        java.util.List<Path> changed = new java.util.ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path d : entries) {
                if (Files.getLastModifiedTime(d).toMillis() >= since) {
                    changed.add(d);
                }
            }
        }
        return changed;
    }

    private static int deleteOrphans(Path dir, long since, Instant upTo, Predicate<String> referenced)
            throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                long modified = Files.getLastModifiedTime(f).toMillis();
                if (name.startsWith(".") || modified < since || modified >= upTo.toEpochMilli()) {
                    continue;
                }
                if (!referenced.test(name)) {
                    Files.deleteIfExists(f);
                    deleted++;
                    LOG.warning(() -> "deleted object " + name + " on " + dir + ": stored but never indexed (crash)");
                }
            }
        }
        return deleted;
    }
}
