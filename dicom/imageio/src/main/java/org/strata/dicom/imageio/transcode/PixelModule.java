package org.strata.dicom.imageio.transcode;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.imageio.ImageDescriptor;

/**
 * The Image Pixel Module attributes of a data set (PS3.3 C.7.6.3.1) with Number of Frames
 * (C.7.6.6), checked for consistency before any pixel is touched.
 */
public record PixelModule(ImageDescriptor descriptor, int frames) {

    /** Reads and checks the module; fails for Bits Stored > Bits Allocated and similar nonsense. */
    public static PixelModule of(Attributes ds) throws TranscodeException {
        int rows = ds.getInt(Tag.Rows, 0);
        int columns = ds.getInt(Tag.Columns, 0);
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int frames = numberOfFrames(ds);
        String pi = ds.getString(Tag.PhotometricInterpretation, "").trim();
        if (rows <= 0 || columns <= 0) {
            throw new TranscodeException("Rows/Columns missing or not positive: " + rows + "x" + columns);
        }
        if (bitsStored > bitsAllocated) {
            throw new TranscodeException("Bits Stored " + bitsStored + " > Bits Allocated " + bitsAllocated
                    + " (PS3.3 C.7.6.3.1)");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new TranscodeException("Bits Allocated " + bitsAllocated + " cannot be transcoded (8, 16 or 32)");
        }
        if (bitsStored < 1 || spp < 1 || spp > 4 || pi.isEmpty()) {
            throw new TranscodeException("inconsistent Image Pixel Module: Bits Stored " + bitsStored
                    + ", Samples per Pixel " + spp + ", Photometric Interpretation '" + pi + "'");
        }
        int planar = spp > 1 ? ds.getInt(Tag.PlanarConfiguration, 0) : 0;
        if (planar != 0 && planar != 1) {
            throw new TranscodeException("Planar Configuration " + planar + " is neither 0 nor 1");
        }
        ImageDescriptor d = new ImageDescriptor(rows, columns, spp, bitsAllocated, bitsStored,
                ds.getInt(Tag.PixelRepresentation, 0) == 1, pi, planar);
        return new PixelModule(d, frames);
    }

    /** Number of Frames (PS3.3 C.7.6.6), 1 when absent. */
    public static int numberOfFrames(Attributes ds) throws TranscodeException {
        String s = ds.getString(Tag.NumberOfFrames, "1").trim();
        try {
            int n = s.isEmpty() ? 1 : Integer.parseInt(s);
            if (n < 1) {
                throw new TranscodeException("Number of Frames " + n + " is not positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TranscodeException("Number of Frames '" + s + "' is not a number");
        }
    }

    /**
     * Bytes of one native frame; YBR_FULL_422/YBR_PARTIAL_422 hold two samples per pixel on average
     * (PS3.3 C.7.6.3.1.2).
     */
    public long nativeFrameLength() {
        ImageDescriptor d = descriptor;
        if (d.samplesPerPixel() == 3 && d.photometricInterpretation().endsWith("_422")) {
            return (long) d.rows() * d.columns() * 2 * d.bytesPerSample();
        }
        return d.frameLength();
    }

    /** Writes {@code d}'s Photometric Interpretation and Planar Configuration into {@code ds}. */
    public static void record(Attributes ds, ImageDescriptor d) {
        ds.setString(Tag.PhotometricInterpretation, VR.CS, d.photometricInterpretation());
        if (d.samplesPerPixel() > 1) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, d.planarConfiguration());
        }
    }
}
