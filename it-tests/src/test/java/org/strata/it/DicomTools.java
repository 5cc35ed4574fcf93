package org.strata.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.strata.dicom.tools.Command;

/** Runs one of our {@code ./strata dicom} tools in this JVM, capturing what it prints. */
final class DicomTools {

    record Result(int exitCode, String output) {
    }

    private DicomTools() {
    }

    static Result run(String tool, String... args) throws Exception {
        Command command = ServiceLoader.load(Command.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.name().equals(tool)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + tool));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int rc = command.run(List.of(args), out, out);
            out.flush();
            return new Result(rc, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code -c STRATA@127.0.0.1:<it.dicom.port>}. */
    static String strata() {
        return "STRATA@127.0.0.1:" + System.getProperty("it.dicom.port");
    }
}
