package org.strata.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Hands a piece to a disc robot through its hot folder: the job file is written under a temporary
 * name and renamed, so the robot never reads half a job; then the robot's result file is awaited.
 */
public final class HotFolderBurner {

    /** How a job ended. */
    public record Result(boolean done, String reason) {
    }

    private final Path folder;
    private final BurnJobFormat format;
    private final Duration timeout;
    private final Duration poll;

    public HotFolderBurner(Path folder, BurnJobFormat format, Duration timeout, Duration poll) {
        this.folder = folder;
        this.format = format;
        this.timeout = timeout;
        this.poll = poll;
    }

    public Path folder() {
        return folder;
    }

    public void submit(BurnJob job) throws IOException {
        Path tmp = folder.resolve(job.jobId() + ".tmp");
        Files.writeString(tmp, format.content(job), StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(format.jobFile(job.jobId())), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Waits for the robot's result file; no result within the timeout is a failure.
     *
     * @param cancelled checked at each poll: true stops waiting (the job file is withdrawn if still there)
     */
    public Result await(String jobId, BooleanSupplier cancelled) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        Path done = folder.resolve(format.doneFile(jobId));
        Path error = folder.resolve(format.errorFile(jobId));
        while (Instant.now().isBefore(end)) {
            if (Files.exists(done)) {
                return new Result(true, null);
            }
            if (Files.exists(error)) {
                String reason = Files.readString(error, StandardCharsets.UTF_8).strip();
                return new Result(false, "burner reported an error for job " + jobId
                        + (reason.isEmpty() ? "" : ": " + firstLine(reason)));
            }
            if (cancelled.getAsBoolean()) {
                Files.deleteIfExists(folder.resolve(format.jobFile(jobId)));
                return new Result(false, "cancelled");
            }
            Thread.sleep(poll.toMillis());
        }
        Files.deleteIfExists(folder.resolve(format.jobFile(jobId)));
        return new Result(false, "no result from the burner for job " + jobId + " within " + timeout.toSeconds() + " s");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
