package org.strata.dicom.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a ZIP into a folder without trusting it: an entry whose name leaves the folder ("zip
 * slip": {@code ../}, absolute paths) is refused and reported, never written; the bytes written are
 * counted as they are inflated, so a ZIP bomb stops at the limit whatever its headers claim; an
 * entry expanding more than {@link #MAX_RATIO} times is refused.
 */
public final class SafeUnzip {

    /** Compression ratio beyond which an entry is treated as a bomb (DICOM rarely exceeds 10:1). */
    public static final long MAX_RATIO = 200;

    private SafeUnzip() {
    }

    /** @return one line per entry refused */
    public static List<String> extract(Path zip, Path into, long maxTotalBytes) throws IOException {
        List<String> errors = new ArrayList<>();
        Path root = into.toAbsolutePath().normalize();
        long total = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    errors.add(e.getName() + ": refused, the path leaves the target folder (zip slip)");
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                long compressed = Math.max(1, e.getCompressedSize());
                long limit = Math.min(maxTotalBytes - total, compressed * MAX_RATIO + 1024 * 1024);
                long written = copyAtMost(z.getInputStream(e), target, limit);
                if (written < 0) {
                    Files.deleteIfExists(target);
                    errors.add(e.getName() + ": refused, expands beyond " + limit
                            + " bytes (compression ratio or total size limit: zip bomb?)");
                    if (total >= maxTotalBytes - limit) {
                        break;
                    }
                    continue;
                }
                total += written;
            }
        }
        return errors;
    }

    /** Copies at most {@code limit} bytes; -1 (and a partial file) when there was more. */
    private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try (in; OutputStream out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > limit) {
                    return -1;
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }
}
