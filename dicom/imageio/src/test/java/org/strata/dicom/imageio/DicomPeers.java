package org.strata.dicom.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real reference tools: DCMTK (dcmcrle, dcmdrle, dcmcjpls, dcmdjpls, dcmcjpeg, dcmdjpeg),
 * GDCM (gdcmconv) and, because our dataset model is not here yet, pydicom via
 * {@code src/test/python/dicom_helper.py} run by /usr/bin/python3 (Debian python3-pydicom).
 */
final class DicomPeers {

    static final Path TEST_FILES = Paths.get("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String PYTHON = System.getProperty("strata.imageio.python", "/usr/bin/python3");
    private static final Path HELPER = Paths.get("src/test/python/dicom_helper.py").toAbsolutePath();

    private static Process helper;
    private static java.io.BufferedWriter helperIn;
    private static java.io.BufferedReader helperOut;

    private DicomPeers() {
    }

    /** Runs one helper command in the long-lived {@code dicom_helper.py serve} process. */
    static synchronized void python(String... args) {
        try {
            if (helper == null || !helper.isAlive()) {
                helper = new ProcessBuilder(PYTHON, HELPER.toString(), "serve")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                helperIn = new java.io.BufferedWriter(new java.io.OutputStreamWriter(helper.getOutputStream(),
                        StandardCharsets.UTF_8));
                helperOut = new java.io.BufferedReader(new java.io.InputStreamReader(helper.getInputStream(),
                        StandardCharsets.UTF_8));
                Process started = helper;
                Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
            }
            helperIn.write(String.join("\t", args));
            helperIn.write('\n');
            helperIn.flush();
            String answer = helperOut.readLine();
            if (!"OK".equals(answer)) {
                fail("dicom_helper.py " + String.join(" ", args) + ": " + answer);
            }
        } catch (IOException e) {
            throw new AssertionError("dicom_helper.py failed", e);
        }
    }

    /** What the helper extracted from a DICOM file. */
    record Extracted(String transferSyntax, ImageDescriptor descriptor, int frames, List<byte[]> encodedFrames,
            byte[] pixels) {

        /** Native frame {@code i} (colour-by-pixel) of an uncompressed file. */
        byte[] nativeFrame(int i) {
            int len = descriptor.frameLength();
            byte[] f = new byte[len];
            System.arraycopy(pixels, i * len, f, 0, len);
            return f;
        }
    }

    static void run(Path workDir, String... command) {
        try {
            Path log = Files.createTempFile(workDir, "peer", ".log");
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                fail("exit " + p.exitValue() + " from " + String.join(" ", command) + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Extracted extract(Path dicomFile, Path workDir) throws IOException {
        Path out = Files.createTempDirectory(workDir, "x");
        python("extract", dicomFile.toString(), out.toString());
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("desc.properties"))) {
            p.load(r);
        }
        int spp = Integer.parseInt(p.getProperty("SamplesPerPixel"));
        ImageDescriptor d = new ImageDescriptor(Integer.parseInt(p.getProperty("Rows")),
                Integer.parseInt(p.getProperty("Columns")), spp,
                Integer.parseInt(p.getProperty("BitsAllocated")), Integer.parseInt(p.getProperty("BitsStored")),
                "1".equals(p.getProperty("PixelRepresentation")), p.getProperty("PhotometricInterpretation"),
                spp > 1 ? Integer.parseInt(p.getProperty("PlanarConfiguration", "0")) : 0);
        int frames = Integer.parseInt(p.getProperty("NumberOfFrames", "1"));
        List<byte[]> encoded = new ArrayList<>();
        byte[] pixels = null;
        if (Files.exists(out.resolve("pixels.bin"))) {
            pixels = Files.readAllBytes(out.resolve("pixels.bin"));
        } else {
            for (int i = 0; i < frames; i++) {
                encoded.add(Files.readAllBytes(out.resolve("frame_" + i + ".bin")));
            }
        }
        return new Extracted(p.getProperty("TransferSyntaxUID"), d, frames, encoded, pixels);
    }

    private static Path writeDesc(ImageDescriptor d, int frames, Path workDir) throws IOException {
        Path desc = Files.createTempFile(workDir, "desc", ".properties");
        Files.writeString(desc, "Rows=" + d.rows() + "\nColumns=" + d.columns() + "\nSamplesPerPixel="
                + d.samplesPerPixel() + "\nBitsAllocated=" + d.bitsAllocated() + "\nBitsStored=" + d.bitsStored()
                + "\nPixelRepresentation=" + (d.signed() ? 1 : 0) + "\nPhotometricInterpretation="
                + d.photometricInterpretation() + "\nPlanarConfiguration=" + d.planarConfiguration()
                + "\nNumberOfFrames=" + frames + "\n");
        return desc;
    }

    /** Writes an Explicit VR Little Endian file holding the given native frames. */
    static Path writeNative(ImageDescriptor d, List<byte[]> frames, Path workDir) throws IOException {
        Path raw = Files.createTempFile(workDir, "raw", ".bin");
        try (var out = Files.newOutputStream(raw)) {
            for (byte[] f : frames) {
                out.write(f);
            }
        }
        Path dcm = Files.createTempFile(workDir, "native", ".dcm");
        python("native", writeDesc(d, frames.size(), workDir).toString(), raw.toString(), dcm.toString());
        return dcm;
    }

    /** Writes an encapsulated file with one fragment per encoded frame. */
    static Path writeEncapsulated(ImageDescriptor d, String transferSyntax, List<byte[]> frames, Path workDir)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("encap",
                writeDesc(d, frames.size(), workDir).toString(), transferSyntax));
        Path dcm = Files.createTempFile(workDir, "encap", ".dcm");
        cmd.add(dcm.toString());
        for (byte[] f : frames) {
            Path fp = Files.createTempFile(workDir, "frame", ".bin");
            Files.write(fp, f);
            cmd.add(fp.toString());
        }
        python(cmd.toArray(String[]::new));
        return dcm;
    }

    /** Runs a DCMTK/GDCM converter {@code tool [options] in out} and returns the output file. */
    static Path convert(Path in, Path workDir, String tool, String... options) throws IOException {
        Path out = Files.createTempFile(workDir, tool, ".dcm");
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        run(workDir, cmd.toArray(String[]::new));
        return out;
    }

    /** Asserts two native frames hold the same stored values (bits above Bits Stored ignored). */
    static void assertSameSamples(byte[] expected, byte[] actual, ImageDescriptor d, String what) {
        assertWithin(expected, actual, d, 0, what);
    }

    /** Asserts every stored value differs by at most {@code tolerance}. */
    static void assertWithin(byte[] expected, byte[] actual, ImageDescriptor d, int tolerance, String what) {
        int[][] e = FrameSamples.toComponents(expected, d);
        int[][] a = FrameSamples.toComponents(actual, d);
        for (int c = 0; c < e.length; c++) {
            for (int i = 0; i < e[c].length; i++) {
                if (Math.abs(e[c][i] - a[c][i]) > tolerance) {
                    fail(what + ": component " + c + " pixel " + i + " (row " + i / d.columns() + ", column "
                            + i % d.columns() + "): expected " + e[c][i] + " but was " + a[c][i]
                            + " (tolerance " + tolerance + ")");
                }
            }
        }
        assertEquals(e.length, a.length);
    }
}
