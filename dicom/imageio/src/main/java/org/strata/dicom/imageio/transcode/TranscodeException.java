package org.strata.dicom.imageio.transcode;

import java.io.IOException;

/**
 * A data set that cannot be transcoded: inconsistent Image Pixel Module, fragments that do not
 * match Number of Frames, an unsupported or forbidden transfer syntax pair, or a codec failure.
 * {@link #frame()} names the frame (0-based) when one frame is at fault, else -1.
 */
public class TranscodeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int frame;

    public TranscodeException(String message) {
        this(message, -1, null);
    }

    public TranscodeException(String message, int frame, Throwable cause) {
        super(frame >= 0 ? "frame " + frame + ": " + message : message, cause);
        this.frame = frame;
    }

    /** The 0-based frame at fault, or -1. */
    public int frame() {
        return frame;
    }
}
