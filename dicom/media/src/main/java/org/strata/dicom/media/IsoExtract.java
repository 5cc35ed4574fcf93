package org.strata.dicom.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Extracts an ISO 9660 image (PS3.12 media) with Debian's {@code xorriso}, after checking it is one:
 * the Primary Volume Descriptor's standard identifier {@code CD001} at byte 32769 (ISO 9660 8.4).
 */
public final class IsoExtract {

    private IsoExtract() {
    }

    public static boolean isIso(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(32769);
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("CD001");
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    public static void extract(Path iso, Path into) throws IOException {
        if (!isIso(iso)) {
            throw new IOException(iso + " is not an ISO 9660 image (no CD001 volume descriptor)");
        }
        Files.createDirectories(into);
        Process p = new ProcessBuilder("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/",
                into.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("xorriso could not extract " + iso + ": " + log.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
