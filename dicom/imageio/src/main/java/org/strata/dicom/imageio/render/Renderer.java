package org.strata.dicom.imageio.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.transcode.FrameAccess;
import org.strata.dicom.imageio.transcode.TranscodeException;

/**
 * Renders one frame to an 8-bit image: for MONOCHROME1/2 the Modality LUT (Rescale Slope and
 * Intercept, PS3.3 C.11.1), the VOI transformation (a given window, else the first VOI LUT of the
 * VOI LUT Sequence, C.11.2.1.1, else the first linear window, C.11.2.1.2.1) and MONOCHROME1 inversion
 * (C.7.6.3.1.2); PALETTE COLOR through its lookup tables (C.7.6.3.1.5-6); RGB as is and YBR_FULL
 * converted to RGB (C.7.6.3.1.2).
 */
public final class Renderer {

    private Renderer() {
    }

    /** Renders a file; Pixel Data stays in the file and only the frame asked for is decoded. */
    public static BufferedImage render(Path file, RenderOptions options) throws IOException {
        return render(Part10Reader.read(file, ReadOptions.builder().bulkData(ReadOptions.BulkDataSelector.PIXEL_DATA)
                .build()), options);
    }

    public static BufferedImage render(DicomFile file, RenderOptions options) throws IOException {
        FrameAccess.Frame frame = FrameAccess.frame(file, options.frame(), options.codecs());
        Attributes ds = file.dataset();
        ImageDescriptor d = frame.descriptor();
        String pi = d.photometricInterpretation();
        BufferedImage image;
        if (pi.startsWith("MONOCHROME")) {
            image = grey(ds, frame, options.window(), pi.equals("MONOCHROME1"));
        } else if (pi.equals("PALETTE COLOR")) {
            image = Palette.of(ds).apply(Samples.of(frame.samples(), d, 0), d);
        } else if (pi.equals("RGB") || pi.equals("YBR_FULL")) {
            image = colour(frame, pi.equals("YBR_FULL"));
        } else {
            throw new TranscodeException("cannot render Photometric Interpretation " + pi);
        }
        return options.size() > 0 ? scale(image, options.size()) : image;
    }

    private static BufferedImage grey(Attributes ds, FrameAccess.Frame frame, Window given, boolean invert) {
        ImageDescriptor d = frame.descriptor();
        int[] stored = Samples.of(frame.samples(), d, 0);
        double slope = first(ds, Tag.RescaleSlope, 1);
        double intercept = first(ds, Tag.RescaleIntercept, 0);
        double[] values = new double[stored.length];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < stored.length; i++) {
            values[i] = stored[i] * slope + intercept;
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        VoiLut lut = given == null ? VoiLut.first(ds) : null;
        Window w = given;
        if (w == null && ds.contains(Tag.WindowCenter) && ds.contains(Tag.WindowWidth)) {
            w = new Window(first(ds, Tag.WindowCenter, 0), first(ds, Tag.WindowWidth, 1));
        }
        if (w == null) {
            w = new Window((min + max + 1) / 2, Math.max(1, max - min + 1));
        }
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            int v = (int) Math.round(lut != null ? lut.apply(values[i]) : w.apply(values[i]));
            out[i] = (byte) (invert ? 255 - v : v);
        }
        return image;
    }

    private static BufferedImage colour(FrameAccess.Frame frame, boolean ybr) {
        ImageDescriptor d = frame.descriptor();
        int[][] c = {Samples.of(frame.samples(), d, 0), Samples.of(frame.samples(), d, 1),
            Samples.of(frame.samples(), d, 2)};
        int shift = Math.max(0, d.bitsStored() - 8);
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[d.pixelsPerFrame()];
        for (int i = 0; i < rgb.length; i++) {
            int r = c[0][i] >> shift;
            int g = c[1][i] >> shift;
            int b = c[2][i] >> shift;
            if (ybr) {
                double y = r;
                double cb = g - 128.0;
                double cr = b - 128.0;
                r = clamp(y + 1.402 * cr);
                g = clamp(y - 0.344136 * cb - 0.714136 * cr);
                b = clamp(y + 1.772 * cb);
            }
            rgb[i] = r << 16 | g << 8 | b;
        }
        image.setRGB(0, 0, d.columns(), d.rows(), rgb, 0, d.columns());
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double first(Attributes ds, int tag, double defaultValue) {
        double[] v = ds.getDoubles(tag);
        return v != null && v.length > 0 ? v[0] : defaultValue;
    }

    /** Scales so that the longer side is {@code size} pixels (bilinear). */
    static BufferedImage scale(BufferedImage src, int size) {
        double f = (double) size / Math.max(src.getWidth(), src.getHeight());
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage dst = new BufferedImage(w, h, src.getType());
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }
}
