package org.strata.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A ZIP of a piece's folder (Commons Compress, ZIP64 when sizes need it): the same tree as on a
 * disc, DICOMDIR at its root, so unpacking it gives a file-set.
 */
public final class ZipImage {

    private ZipImage() {
    }

    /** Writes {@code zip} from {@code root}; the file appears only when complete. */
    public static void write(Path root, Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                stream(root, out);
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streams the ZIP of {@code root} to {@code out} (not closed). */
    public static void stream(Path root, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        for (Path f : files) {
            String name = root.relativize(f).toString().replace('\\', '/');
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setSize(Files.size(f));
            zip.putArchiveEntry(entry);
            Files.copy(f, zip);
            zip.closeArchiveEntry();
        }
        zip.finish();
        out.flush();
    }
}
