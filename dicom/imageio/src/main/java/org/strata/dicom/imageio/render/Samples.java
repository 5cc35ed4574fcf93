package org.strata.dicom.imageio.render;

import org.strata.dicom.imageio.FrameSamples;
import org.strata.dicom.imageio.ImageDescriptor;

/** Stored values of one component of a native frame, sign-extended when Pixel Representation is 1 (PS3.5 8.1.1). */
final class Samples {

    private Samples() {
    }

    static int[] of(byte[] frame, ImageDescriptor d, int component) {
        int[] v = FrameSamples.toComponents(frame, d)[component];
        if (d.signed() && d.bitsStored() < 32) {
            int shift = 32 - d.bitsStored();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] << shift >> shift;
            }
        }
        return v;
    }
}
