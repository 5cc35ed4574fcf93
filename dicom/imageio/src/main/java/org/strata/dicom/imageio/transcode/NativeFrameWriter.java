package org.strata.dicom.imageio.transcode;

import java.io.IOException;
import java.io.OutputStream;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.VR;
import org.strata.dicom.imageio.ImageDescriptor;

/**
 * Writes decoded frames as native Pixel Data (PS3.5 8.1.1): OW for more than 8 bits allocated,
 * else OB; the data set records the decoded layout (e.g. YBR_FULL_422 -> RGB after JPEG, PS3.5 8.2.1).
 */
final class NativeFrameWriter {

    private final TranscodeOutput output;

    NativeFrameWriter(TranscodeOutput output) {
        this.output = output;
    }

    void write(Attributes ds, ImageDescriptor layout, FrameReader frames, int count) throws IOException {
        PixelModule.record(ds, layout);
        output.dataset(ds);
        VR vr = layout.bitsAllocated() > 8 ? VR.OW : VR.OB;
        long total = (long) layout.frameLength() * count;
        OutputStream out = output.stream();
        PixelElementIO.writeHeader(out, output.syntax(), vr, total + (total & 1));
        boolean swap = output.syntax().bigEndian() && vr == VR.OW;
        int length = layout.frameLength();
        for (int i = 0; i < count; i++) {
            byte[] frame = frames.next();
            if (swap) {
                PixelElementIO.swap16(frame, length);
            }
            out.write(frame, 0, length);
        }
        if ((total & 1) != 0) {
            out.write(0);
        }
    }
}
