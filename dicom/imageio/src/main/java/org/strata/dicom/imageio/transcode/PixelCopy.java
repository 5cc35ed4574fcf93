package org.strata.dicom.imageio.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.TransferSyntax;

/** Copies Pixel Data whose encoding does not change: native to native, or encapsulated to the same syntax. */
final class PixelCopy {

    private static final long MAX_FRAGMENT = 1L << 30;

    private PixelCopy() {
    }

    static void copy(InputStream in, TransferSyntax src, PixelElementIO.Header header, TranscodeOutput output,
            int bitsAllocated) throws IOException {
        OutputStream out = output.stream();
        TransferSyntax dst = output.syntax();
        if (header.encapsulated()) {
            PixelElementIO.writeHeader(out, dst, VR.OB, PixelElementIO.UNDEFINED);
            for (byte[] item; (item = PixelElementIO.readItem(in, MAX_FRAGMENT)) != null;) {
                PixelElementIO.writeItem(out, item);
            }
            PixelElementIO.writeSequenceDelimitation(out);
            return;
        }
        // PS3.5 A.1: Pixel Data is OW in Implicit VR; in explicit VR OB is used for 8 bits allocated
        VR vr = src.explicitVR() ? header.vr() : bitsAllocated > 8 ? VR.OW : VR.OB;
        PixelElementIO.writeHeader(out, dst, vr, header.length());
        boolean swap = src.bigEndian() != dst.bigEndian() && vr == VR.OW;
        byte[] buf = new byte[64 * 1024];
        long left = header.length();
        while (left > 0) {
            int n = (int) Math.min(buf.length, left);
            byte[] chunk = PixelElementIO.readFully(in, n);
            if (swap) {
                PixelElementIO.swap16(chunk, n);
            }
            out.write(chunk, 0, n);
            left -= n;
        }
    }
}
