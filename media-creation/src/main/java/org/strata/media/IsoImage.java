package org.strata.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An ISO 9660 image of a piece (PS3.12 Annex F for CD-R, the DVD annexes likewise) made by
 * Debian's {@code xorriso} in mkisofs mode: interchange level 1 for CD-R (8.3 names, as File IDs
 * already are), level 3 for larger media (files over 4 GiB in several extents), Joliet and Rock Ridge for other systems; README.TXT, INDEX.HTM and
 * DICOMDIR first on the disc. xorriso allows deep paths; File IDs have at most 8 levels by design.
 */
public final class IsoImage {

    /** The command, overridable for sites that install it elsewhere. */
    public static final String XORRISO = System.getProperty("strata.xorriso", "xorriso");

    private IsoImage() {
    }

    /** Writes {@code iso} from the folder {@code root}; the image appears only when complete. */
    public static void write(Path root, String volumeId, int level, Path iso) throws IOException {
        Path tmp = iso.resolveSibling(iso.getFileName() + ".part");
        Path log = iso.resolveSibling(iso.getFileName() + ".log");
        Path sort = iso.resolveSibling(iso.getFileName() + ".sort");
        Files.writeString(sort, "README.TXT 30\nINDEX.HTM 20\nDICOMDIR 10\n", StandardCharsets.US_ASCII);
        List<String> cmd = List.of(XORRISO, "-as", "mkisofs", "-iso-level", Integer.toString(level), "-J", "-r", "-V", volumeId(volumeId),
                "-sort", sort.toString(), "-o", tmp.toString(), root.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("xorriso failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "): "
                        + tail(log));
            }
            Files.move(tmp, iso, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + iso, e);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(log);
            Files.deleteIfExists(sort);
        }
    }

    /** ISO 9660 volume identifier: d-characters (A-Z 0-9 _), at most 32. */
    static String volumeId(String fileSetId) {
        String v = fileSetId.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        v = v.isEmpty() ? "DICOM" : v;
        return v.length() > 32 ? v.substring(0, 32) : v;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
