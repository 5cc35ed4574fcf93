package org.strata.media;

import java.util.Locale;
import java.util.Optional;

/**
 * Job-file formats of disc robots' hot folders. Each writes the job file and tells the names of
 * the result files the robot leaves when it finished or failed.
 */
public enum BurnJobFormat {

    /**
     * Strata's generic job: {@code JOBID.json} with image, copies, label and volume; the robot (or
     * a script driving it) answers with {@code JOBID.done} or {@code JOBID.err} (the reason inside).
     */
    JSON("json", "done", "err") {
        @Override
        String content(BurnJob job) {
            return "{\"jobId\":" + q(job.jobId()) + ",\"image\":" + q(job.image().toString()) + ",\"copies\":"
                    + job.copies() + ",\"label\":" + (job.label() == null ? "null" : q(job.label().toString()))
                    + ",\"volumeName\":" + q(job.volumeName()) + "}\n";
        }
    },

    /**
     * Primera PTBurn: a text {@code JOBID.JRQ} in the shared folder; PTBurn renames it .QRJ, .INP and
     * finally .DON (burnt) or .ERR (failed).
     */
    PTBURN("JRQ", "DON", "ERR") {
        @Override
        String content(BurnJob job) {
            StringBuilder b = new StringBuilder();
            b.append("JobID=").append(job.jobId()).append("\r\n");
            b.append("ClientID=STRATA\r\n");
            b.append("Importance=2\r\n");
            b.append("ImageFile=").append(job.image()).append("\r\n");
            b.append("Copies=").append(job.copies()).append("\r\n");
            if (job.label() != null) {
                b.append("PrintLabel=").append(job.label()).append("\r\n");
            }
            b.append("VolumeName=").append(job.volumeName()).append("\r\n");
            b.append("VerifyDisc=YES\r\nCloseDisc=YES\r\nRejectIfNotBlank=YES\r\nDeleteFiles=NO\r\n");
            return b.toString();
        }
    };

    private final String jobExtension;
    private final String doneExtension;
    private final String errorExtension;

    BurnJobFormat(String jobExtension, String doneExtension, String errorExtension) {
        this.jobExtension = jobExtension;
        this.doneExtension = doneExtension;
        this.errorExtension = errorExtension;
    }

    abstract String content(BurnJob job);

    public String jobFile(String jobId) {
        return jobId + "." + jobExtension;
    }

    public String doneFile(String jobId) {
        return jobId + "." + doneExtension;
    }

    public String errorFile(String jobId) {
        return jobId + "." + errorExtension;
    }

    public static Optional<BurnJobFormat> of(String name) {
        for (BurnJobFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
