package org.strata.dicom.imageio.transcode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Groups the fragments of encapsulated Pixel Data into frames as they arrive (PS3.5 A.4): by the
 * Basic (or Extended) Offset Table when it has entries; else one frame when Number of Frames is 1;
 * else one fragment per frame for RLE (PS3.5 A.4.2); else a new frame at each fragment that starts
 * a codestream (JPEG SOI FFD8, JPEG 2000 SOC FF4F).
 */
final class FragmentFrames {

    /** Supplies fragments in order; {@code null} at the end. */
    interface Source {
        byte[] next() throws IOException;
    }

    private final Source source;
    private final long[] offsets;
    private final int frames;
    private final boolean rle;
    private byte[] pending;
    private long pendingOffset;
    private boolean started;
    private int produced;

    /**
     * @param offsets frame offsets from the offset table (relative to the first fragment's Item tag), may be empty
     */
    FragmentFrames(Source source, long[] offsets, int frames, String transferSyntax) throws TranscodeException {
        if (offsets.length > 0 && (offsets.length != frames || offsets[0] != 0)) {
            throw new TranscodeException("offset table has " + offsets.length + " entries starting at "
                    + offsets[0] + ", Number of Frames is " + frames, Math.min(offsets.length, frames), null);
        }
        this.source = source;
        this.offsets = offsets;
        this.frames = frames;
        this.rle = TransferSyntaxes.RLE_LOSSLESS.equals(transferSyntax);
    }

    /** The fragments of the next frame, or {@code null} after the last one (checked against Number of Frames). */
    List<byte[]> next() throws IOException {
        if (!started) {
            pending = source.next();
            started = true;
        }
        if (pending == null) {
            if (produced != frames) {
                throw new TranscodeException("the fragments hold " + produced + " frames, Number of Frames is "
                        + frames, produced, null);
            }
            return null;
        }
        if (produced == frames) {
            throw new TranscodeException("more fragments than Number of Frames " + frames, produced, null);
        }
        List<byte[]> frame = new ArrayList<>();
        do {
            frame.add(pending);
            pendingOffset += 8 + pending.length;
            pending = source.next();
        } while (pending != null && !startsFrame(pending));
        produced++;
        return frame;
    }

    private boolean startsFrame(byte[] fragment) {
        if (offsets.length > 0) {
            return produced + 1 < offsets.length && pendingOffset >= offsets[produced + 1];
        }
        if (frames == 1) {
            return false;
        }
        if (rle) {
            return true;
        }
        return fragment.length >= 2 && (fragment[0] & 0xFF) == 0xFF
                && ((fragment[1] & 0xFF) == 0xD8 || (fragment[1] & 0xFF) == 0x4F);
    }
}
