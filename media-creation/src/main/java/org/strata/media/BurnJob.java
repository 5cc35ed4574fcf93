package org.strata.media;

import java.nio.file.Path;

/** One piece to burn: the robot's job id, the image, copies, the label file and the volume name. */
public record BurnJob(String jobId, Path image, int copies, Path label, String volumeName) {
}
