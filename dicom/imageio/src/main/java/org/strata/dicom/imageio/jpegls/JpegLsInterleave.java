package org.strata.dicom.imageio.jpegls;

/** T.87 interleave modes (ILV in the SOS header, C.2.3) used when encoding colour images. */
public enum JpegLsInterleave {
    /** ILV 0: one scan per component. */
    NONE(0),
    /** ILV 1: one line of each component in turn; what DCMTK writes by default. */
    LINE(1),
    /** ILV 2: all components of a pixel in turn. */
    SAMPLE(2);

    private final int ilv;

    JpegLsInterleave(int ilv) {
        this.ilv = ilv;
    }

    public int ilv() {
        return ilv;
    }
}
