package org.strata.hsm.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * External command lines run when a volume is mounted and unmounted, e.g. a robot script that
 * loads a cartridge and mounts its LTFS file system. In each argument, {@code {volume}} is
 * replaced by the volume name and {@code {path}} by the volume file's absolute path. An empty
 * list runs nothing. A command must exit with 0 within {@code timeout}.
 */
public record MountCommands(List<String> mount, List<String> unmount, Duration timeout) {

    public static final MountCommands NONE = new MountCommands(List.of(), List.of(), Duration.ofMinutes(10));

    public MountCommands {
        mount = List.copyOf(mount);
        unmount = List.copyOf(unmount);
        Objects.requireNonNull(timeout, "timeout");
    }

    void runMount(String volume, Path file) throws IOException {
        run(mount, volume, file);
    }

    void runUnmount(String volume, Path file) throws IOException {
        run(unmount, volume, file);
    }

    private void run(List<String> template, String volume, Path file) throws IOException {
        if (template.isEmpty()) {
            return;
        }
        List<String> command = template.stream().map(a -> a.replace("{volume}", volume)
                .replace("{path}", file.toAbsolutePath().toString())).toList();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process went away; its exit status tells what happened
            }
        }, "mount-command-output");
        drain.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("Command timed out after " + timeout + ": " + command);
            }
            drain.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while running " + command);
        }
        if (p.exitValue() != 0) {
            String output;
            synchronized (out) {
                output = out.toString(StandardCharsets.UTF_8).strip();
            }
            throw new IOException("Command exited with " + p.exitValue() + ": " + command
                    + (output.isEmpty() ? "" : " — " + output));
        }
    }
}
