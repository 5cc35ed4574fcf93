package org.strata.dicom.imageio.jpeg;

import java.awt.image.Raster;
import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.strata.dicom.imageio.FrameSamples;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelDataException;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and Extended (1.2.840.10008.1.2.4.51) decoding of 8-bit
 * DCT streams (T.81 processes 1 and 2) through TwelveMonkeys' reader. The raw components are read
 * with {@code readRaster()} and converted to RGB here when the Photometric Interpretation is
 * YBR_FULL or YBR_FULL_422 (PS3.3 C.7.6.3.1.2), as DCMTK's dcmdjpeg does. 12-bit sequential
 * streams (no Java library decodes them) go to our own {@link DctDecoder}, whose integer IDCT
 * matches IJG/DCMTK sample for sample. Encoding uses our own
 * {@link DctEncoder}: RGB becomes YBR_FULL without subsampling.
 */
public final class JpegBaselineCodec implements PixelCodec {

    private static final class Spi {  // lazily, so that encoding never touches ImageIO
        static final JPEGImageReaderSpi INSTANCE = create();

        private static JPEGImageReaderSpi create() {
            JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
            // without this, createReaderInstance() fails outside ImageIO's own registry (e.g. in WildFly)
            spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
            return spi;
        }
    }

    private final int quality;
    private final boolean extended;

    private JpegBaselineCodec(int quality, boolean extended) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100: " + quality);
        }
        this.quality = quality;
        this.extended = extended;
    }

    /**
     * The codec for JPEG Baseline (Process 1), 1.2.840.10008.1.2.4.50: encodes 8-bit frames.
     *
     * @param quality 1..100, scaling the T.81 Annex K tables as IJG does
     */
    public static JpegBaselineCodec baseline(int quality) {
        return new JpegBaselineCodec(quality, false);
    }

    /** The codec for JPEG Extended (Process 2 and 4), 1.2.840.10008.1.2.4.51: encodes 8 and 12-bit frames. */
    public static JpegBaselineCodec extended(int quality) {
        return new JpegBaselineCodec(quality, true);
    }

    @Override
    public String name() {
        return (extended ? "JPEG Extended" : "JPEG Baseline") + " q" + quality;
    }

    /** Unsigned 8-bit grey or RGB/YBR_FULL, and grey up to 12 bits stored for the Extended codec. */
    @Override
    public boolean canEncode(ImageDescriptor d) {
        int spp = d.samplesPerPixel();
        String pi = d.photometricInterpretation();
        boolean colour = spp == 3 && d.bitsAllocated() == 8 && (pi.equals("RGB") || pi.equals("YBR_FULL"));
        boolean grey = spp == 1 && pi.startsWith("MONOCHROME");
        boolean bits = d.bitsAllocated() == 8 || (extended && d.bitsAllocated() == 16 && d.bitsStored() <= 12);
        return !d.signed() && (colour || grey) && bits;
    }

    /** RGB is encoded as YCbCr: the dataset must then say YBR_FULL (PS3.5 8.2.1). */
    @Override
    public ImageDescriptor encodedDescriptor(ImageDescriptor d) {
        if (d.samplesPerPixel() == 3) {
            return d.withPhotometricInterpretation("YBR_FULL").withPlanarConfiguration(0);
        }
        return d;
    }

    @Override
    public ImageDescriptor decodedDescriptor(ImageDescriptor d) {
        if (isYbr(d)) {
            return d.withPhotometricInterpretation("RGB").withPlanarConfiguration(0);
        }
        return d;
    }

    private static boolean isYbr(ImageDescriptor d) {
        return d.samplesPerPixel() == 3 && d.photometricInterpretation().startsWith("YBR_FULL");
    }

    @Override
    public byte[] decode(byte[] encoded, ImageDescriptor d) {
        JpegHeaders.Frame frame = JpegHeaders.frame(encoded);
        d.checkFrame("JPEG", frame.rows() == 0 ? d.rows() : frame.rows(), frame.columns(), frame.components());
        if (frame.sofMarker() == JpegMarkers.SOF3) {
            return JpegLosslessCodec.sv1().decode(encoded, d);     // mislabelled transfer syntax
        }
        if (frame.precision() == 12) {
            return decode12(encoded, d);
        }
        if (frame.precision() != 8) {
            throw new PixelDataException("JPEG: " + frame.precision() + "-bit lossy JPEG is not supported");
        }
        Raster raster = readRaster(encoded);
        int w = raster.getWidth();
        int h = raster.getHeight();
        if (w != d.columns() || h != d.rows() || raster.getNumBands() != d.samplesPerPixel()) {
            throw new PixelDataException("JPEG frame is " + w + "x" + h + "x" + raster.getNumBands()
                    + ", descriptor says " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
        int[][] comps = new int[raster.getNumBands()][];
        for (int b = 0; b < comps.length; b++) {
            comps[b] = raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, b, (int[]) null);
        }
        if (isYbr(d)) {
            YbrToRgb.convert(comps);
        }
        return FrameSamples.fromComponents(comps, decodedDescriptor(d));
    }

    /** 12-bit Extended (process 4 sequential): our own decoder, since no Java library has one. */
    private byte[] decode12(byte[] encoded, ImageDescriptor d) {
        int[][] comps = new DctDecoder(encoded, d).decode();
        if (isYbr(d)) {
            throw new PixelDataException("JPEG: 12-bit YCbCr is not supported");
        }
        return FrameSamples.fromComponents(comps, d);
    }

    private static Raster readRaster(byte[] encoded) {
        ImageReader reader = null;
        try (ImageInputStream in = new ByteArrayImageInputStream(encoded)) {
            reader = Spi.INSTANCE.createReaderInstance();
            reader.setInput(in);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException("JPEG: cannot decode: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    @Override
    public byte[] encode(byte[] frame, ImageDescriptor d) {
        if (!canEncode(d)) {
            throw new UnsupportedOperationException(name() + " cannot encode " + d);
        }
        int[][] comps = FrameSamples.toComponents(frame, d);
        if (d.photometricInterpretation().equals("RGB")) {
            YbrToRgb.fromRgb(comps);
        }
        return new DctEncoder(quality).encode(comps, d.rows(), d.columns(), d.bitsAllocated() == 8 ? 8 : 12);
    }
}
