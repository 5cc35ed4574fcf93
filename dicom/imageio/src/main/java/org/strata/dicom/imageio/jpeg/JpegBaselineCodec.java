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
 * streams (no Java library decodes them) go to our own {@link DctDecoder}, which uses an exact
 * floating-point IDCT and so may differ from IJG/DCMTK by one. Encoding is not offered.
 */
public final class JpegBaselineCodec implements PixelCodec {

    private static final class Spi {
        static final JPEGImageReaderSpi INSTANCE = create();

        private static JPEGImageReaderSpi create() {
            JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
            // without this, createReaderInstance() fails outside ImageIO's own registry (e.g. in WildFly)
            spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
            return spi;
        }
    }

    @Override
    public String name() {
        return "JPEG 8-bit lossy";
    }

    @Override
    public boolean canEncode(ImageDescriptor d) {
        return false;
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
        if (frame.sofMarker() == JpegMarkers.SOF3) {
            throw new PixelDataException("JPEG: lossless stream; use JpegLosslessCodec");
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
        DctDecoder decoder = new DctDecoder(encoded);
        int[][] comps = decoder.decode();
        if (decoder.columns() != d.columns() || decoder.rows() != d.rows() || comps.length != d.samplesPerPixel()) {
            throw new PixelDataException("JPEG frame is " + decoder.columns() + "x" + decoder.rows() + "x"
                    + comps.length + ", descriptor says " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
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
        throw new UnsupportedOperationException("JPEG lossy encoding is not implemented");
    }
}
