package org.strata.dicom.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.strata.dicom.core.json.JsonParser;

/** Runs a helper script of src/test/resources/pydicom with Debian's /usr/bin/python3 (has pydicom). */
public final class Pydicom {

    private static final String PYTHON = "/usr/bin/python3";

    private Pydicom() {
    }

    /** Runs {@code script} with {@code args}; returns its stdout parsed as JSON. */
    public static Object runJson(String script, List<String> args) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("pydicom-script", ".py");
        try (InputStream in = Pydicom.class.getResourceAsStream("/pydicom/" + script)) {
            Files.write(tmp, in.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of(PYTHON, "-W", "ignore", tmp.toString()));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(script + " failed with exit " + p.exitValue());
            }
            return JsonParser.parse(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
