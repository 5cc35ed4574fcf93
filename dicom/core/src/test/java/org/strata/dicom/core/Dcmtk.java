package org.strata.dicom.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs DCMTK's command line tools (Debian package dcmtk). */
public final class Dcmtk {

    /** Output and exit code of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Dcmtk() {
    }

    public static Result run(String tool, List<String> options, Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(options);
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).start();
        byte[][] streams = new byte[2][];
        Thread errReader = new Thread(() -> {
            try {
                streams[1] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                streams[1] = new byte[0];
            }
        });
        errReader.start();
        streams[0] = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " timed out on " + file);
        }
        errReader.join();
        return new Result(p.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
    }
}
