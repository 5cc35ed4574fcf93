package org.strata.dicom.imageio.transcode;

import java.io.IOException;

import org.strata.dicom.imageio.ImageDescriptor;

/** Native frames, one at a time, from a Pixel Data element being read. */
interface FrameReader {

    /** The layout of the frames {@link #next()} returns. */
    ImageDescriptor descriptor();

    /** The next native frame. */
    byte[] next() throws IOException;

    /** Consumes what follows the last frame (padding, sequence delimiter), checking nothing is left over. */
    void finish() throws IOException;
}
