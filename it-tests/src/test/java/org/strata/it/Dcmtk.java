package org.strata.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a DCMTK tool (Debian package dcmtk) with Nagle off, and captures what it says. */
final class Dcmtk {

    record Result(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    /**
     * The values DCMTK printed for a tag ("gggg,eeee", lower-case hex as DCMTK prints it), in
     * order; an empty value is "". A UI value's NUL padding, which findscu prints, is dropped.
     */
    static java.util.List<String> values(String output, String tag) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(" + java.util.regex.Pattern.quote(tag)
                + "\\) \\w\\w (?:\\[([^\\]]*)\\]|\\(no value available\\))").matcher(output);
        java.util.List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1) == null ? "" : m.group(1).replace("\0", "").strip());
        }
        return values;
    }

    static Result run(String tool, String... args) throws IOException, InterruptedException {
        return run(tool, List.of(args));
    }

    static Result run(String tool, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // DCMTK leaves Nagle on unless told: each message would wait ~40 ms for a delayed ACK
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
