package org.strata.dicom.imageio;

/**
 * What a codec needs to know about one frame: the Image Pixel Module attributes of PS3.3 C.7.6.3
 * (Rows, Columns, Samples per Pixel, Bits Allocated, Bits Stored, Pixel Representation,
 * Photometric Interpretation, Planar Configuration). Independent of any dataset model.
 *
 * @param signed              Pixel Representation = 1 (two's complement samples)
 * @param planarConfiguration 0 = colour-by-pixel, 1 = colour-by-plane (ignored for one sample)
 */
public record ImageDescriptor(int rows, int columns, int samplesPerPixel, int bitsAllocated,
        int bitsStored, boolean signed, String photometricInterpretation, int planarConfiguration) {

    public ImageDescriptor {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("rows and columns must be positive: " + rows + "x" + columns);
        }
        if (samplesPerPixel < 1 || samplesPerPixel > 4) {
            throw new IllegalArgumentException("samplesPerPixel out of range: " + samplesPerPixel);
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("bitsAllocated must be 8, 16 or 32: " + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new IllegalArgumentException("bitsStored " + bitsStored + " not in 1.." + bitsAllocated);
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new IllegalArgumentException("planarConfiguration must be 0 or 1: " + planarConfiguration);
        }
        if (photometricInterpretation == null || photometricInterpretation.isBlank()) {
            throw new IllegalArgumentException("photometricInterpretation is required");
        }
    }

    /** A monochrome (MONOCHROME2) descriptor, the common case in tests and tools. */
    public static ImageDescriptor monochrome(int rows, int columns, int bitsAllocated, int bitsStored, boolean signed) {
        return new ImageDescriptor(rows, columns, 1, bitsAllocated, bitsStored, signed, "MONOCHROME2", 0);
    }

    /** An RGB colour-by-pixel descriptor. */
    public static ImageDescriptor rgb(int rows, int columns, int bitsAllocated, int bitsStored) {
        return new ImageDescriptor(rows, columns, 3, bitsAllocated, bitsStored, false, "RGB", 0);
    }

    public int bytesPerSample() {
        return bitsAllocated / 8;
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Length in bytes of one uncompressed frame (without the even-length padding of Pixel Data). */
    public int frameLength() {
        return Math.multiplyExact(Math.multiplyExact(rows, columns), samplesPerPixel * bytesPerSample());
    }

    public boolean colourByPlane() {
        return samplesPerPixel > 1 && planarConfiguration == 1;
    }

    /**
     * Checks the dimensions a compressed stream declares against this descriptor, before a decoder
     * allocates anything for them (a corrupt header must not allocate gigabytes).
     *
     * @throws PixelDataException if they differ
     */
    public void checkFrame(String codec, int streamRows, int streamColumns, int streamComponents) {
        if (streamRows != rows || streamColumns != columns || streamComponents != samplesPerPixel) {
            throw new PixelDataException(codec + " frame is " + streamColumns + "x" + streamRows + "x"
                    + streamComponents + ", descriptor says " + columns + "x" + rows + "x" + samplesPerPixel);
        }
    }

    public ImageDescriptor withPhotometricInterpretation(String pi) {
        return new ImageDescriptor(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, signed, pi, planarConfiguration);
    }

    public ImageDescriptor withPlanarConfiguration(int pc) {
        return new ImageDescriptor(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, signed, photometricInterpretation, pc);
    }
}
