package org.strata.dicom.imageio.jpeg;

/** Marker codes of T.81 Table B.1 used here. */
final class JpegMarkers {
    static final int SOF3 = 0xC3;
    static final int DHT = 0xC4;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DRI = 0xDD;
    static final int RST0 = 0xD0;

    private JpegMarkers() {
    }

    /** SOFn markers: C0..CF except DHT (C4), JPG (C8) and DAC (CC). */
    static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }
}
