package org.strata.dicom.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real peers: dicom3tools, DCMTK, pydicom (Debian's python3-pydicom under /usr/bin/python3). */
final class Peers {

    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /** Output and exit code of one run. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private Peers() {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        errReader.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " did not finish");
        }
        errReader.join();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err[0], StandardCharsets.UTF_8));
    }

    static Result run(String... cmd) throws IOException, InterruptedException {
        return run(List.of(cmd));
    }

    /** Runs a pydicom script with Debian's interpreter (the one on PATH may lack pydicom). */
    static Result python(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static List<Path> sampleFiles() {
        return List.of(TEST_FILES.resolve("CT_small.dcm"), TEST_FILES.resolve("MR_small.dcm"),
                TEST_FILES.resolve("reportsi.dcm"), TEST_FILES.resolve("waveform_ecg.dcm"),
                TEST_FILES.resolve("rtplan.dcm"), TEST_FILES.resolve("rtdose.dcm"));
    }
}
