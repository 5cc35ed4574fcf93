package org.strata.dicom.imageio.transcode;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.strata.dicom.imageio.TransferSyntaxes;

/** The reference tools the transcoder is checked against: DCMTK, GDCM and pydicom (/usr/bin/python3). */
final class Peers {

    static final Path TEST_FILES = Paths.get("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final String PYTHON = System.getProperty("strata.imageio.python", "/usr/bin/python3");
    static final Path COMPARE = Paths.get("src/test/python/transcode_compare.py").toAbsolutePath();

    private Peers() {
    }

    /** Runs a command; returns its exit code, the output in {@code log}. */
    static int exec(Path dir, Path log, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + String.join(" ", command));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command that must succeed. */
    static void run(Path dir, String... command) throws IOException {
        Path log = Files.createTempFile(dir, "peer", ".log");
        if (exec(dir, log, command) != 0) {
            fail(String.join(" ", command) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** The peer command decompressing {@code ts} into Explicit VR Little Endian (GDCM for JPEG 2000, which DCMTK lacks). */
    static String[] decompressor(String ts, Path in, Path out) {
        return switch (ts) {
            case TransferSyntaxes.RLE_LOSSLESS -> new String[] {"dcmdrle", "+te", in.toString(), out.toString()};
            case TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS ->
                new String[] {"dcmdjpls", "+te", in.toString(), out.toString()};
            case TransferSyntaxes.JPEG_2000_LOSSLESS, TransferSyntaxes.JPEG_2000 ->
                new String[] {"gdcmconv", "--raw", "-i", in.toString(), "-o", out.toString()};
            default -> new String[] {"dcmdjpeg", "+te", in.toString(), out.toString()};
        };
    }

    /** One comparison for transcode_compare.py. */
    record Comparison(Path pixelsA, Path pixelsB, Path attrsA, Path attrsB, int tolerance) {
        String line() {
            return pixelsA + "\t" + pixelsB + "\t" + attrsA + "\t" + attrsB + "\t" + tolerance;
        }
    }

    /** Runs all comparisons in one pydicom process; one result line ("OK n" or "FAIL ...") each. */
    static List<String> compare(Path dir, List<Comparison> comparisons) throws IOException {
        Path list = Files.createTempFile(dir, "compare", ".tsv");
        Files.write(list, comparisons.stream().map(Comparison::line).toList());
        Path out = Files.createTempFile(dir, "compare", ".out");
        if (exec(dir, out, PYTHON, COMPARE.toString(), list.toString()) != 0) {
            fail("transcode_compare.py failed:\n" + Files.readString(out));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(out));
        if (lines.size() != comparisons.size()) {
            fail("transcode_compare.py answered " + lines.size() + " of " + comparisons.size() + ":\n" + lines);
        }
        return lines;
    }
}
