package org.strata.dicom.imageio.jpeg2000;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.strata.dicom.imageio.FrameSamples;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelDataException;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * JPEG 2000 Image Compression (Lossless Only) 1.2.840.10008.1.2.4.90 and JPEG 2000 Image
 * Compression 1.2.840.10008.1.2.4.91 (PS3.5 A.4.4) through jai-imageio's J2K reader and writer.
 * Decoding returns the stored bits whatever signedness the codestream declares (PS3.5 8.2.4: the
 * Pixel Representation rules); YBR_RCT and YBR_ICT decode to RGB (the reader undoes the component
 * transform). Encoding is reversible 5/3 without component transform, writing a bare codestream.
 *
 * <p>Known jai-imageio defects, measured against OpenJPEG 2.5 and GDCM: pydicom's
 * GDCMJ2K_TextGBR.dcm (JP2, RCT, lossless) decodes with 31,847 of 480,000 samples wrong (up to 108);
 * lossy (9/7) frames differ by up to 1; the writer goes through a temporary file per image
 * ("jiio-*.tmp" in java.io.tmpdir, deleted afterwards) but registers each with {@code deleteOnExit},
 * whose list only grows: a slow leak in a long-running server.
 */
public final class Jpeg2000Codec implements PixelCodec {

    private static final J2KImageReaderSpi READER_SPI = new J2KImageReaderSpi();
    private static final J2KImageWriterSpi WRITER_SPI = new J2KImageWriterSpi();

    @Override
    public String name() {
        return "JPEG 2000";
    }

    @Override
    public ImageDescriptor decodedDescriptor(ImageDescriptor d) {
        String pi = d.photometricInterpretation();
        if (d.samplesPerPixel() == 3 && (pi.equals("YBR_RCT") || pi.equals("YBR_ICT"))) {
            return d.withPhotometricInterpretation("RGB");
        }
        return d;
    }

    @Override
    public byte[] decode(byte[] encoded, ImageDescriptor d) {
        checkSiz(encoded, d);
        Raster raster = readRaster(encoded);
        int w = raster.getWidth();
        int h = raster.getHeight();
        if (w != d.columns() || h != d.rows() || raster.getNumBands() != d.samplesPerPixel()) {
            throw new PixelDataException("JPEG 2000 image is " + w + "x" + h + "x" + raster.getNumBands()
                    + ", descriptor says " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
        byte[] direct = grey16(raster, decodedDescriptor(d));
        if (direct != null) {
            return direct;
        }
        int[][] comps = new int[raster.getNumBands()][];
        for (int b = 0; b < comps.length; b++) {
            comps[b] = raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, b, (int[]) null);
        }
        return FrameSamples.fromComponents(comps, decodedDescriptor(d));
    }

    /**
     * One band of 16-bit samples straight from the raster's buffer into the frame, without the
     * int[] of {@link Raster#getSamples} in between (the same values: unsigned 16-bit elements,
     * then the Bits Stored mask or sign extension of {@link FrameSamples#fromComponents});
     * null for any other raster layout.
     */
    private static byte[] grey16(Raster raster, ImageDescriptor d) {
        if (raster.getNumBands() != 1 || d.samplesPerPixel() != 1 || d.bytesPerSample() != 2
                || !(raster.getDataBuffer() instanceof DataBufferUShort buffer) || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof ComponentSampleModel sm) || sm.getPixelStride() != 1
                || sm.getScanlineStride() != raster.getWidth() || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0) {
            return null;
        }
        short[] src = buffer.getData();
        int start = buffer.getOffset() + sm.getOffset(0, 0);
        int n = d.pixelsPerFrame();
        if (start < 0 || start + n > src.length) {
            return null;
        }
        int bits = d.bitsStored();
        int shift = 32 - bits;
        int mask = bits >= 32 ? -1 : (1 << bits) - 1;
        boolean signed = d.signed();
        byte[] frame = new byte[d.frameLength()];
        for (int i = 0; i < n; i++) {
            int v = src[start + i] & 0xFFFF;
            v = signed ? (v << shift) >> shift : v & mask;
            frame[2 * i] = (byte) v;
            frame[2 * i + 1] = (byte) (v >> 8);
        }
        return frame;
    }

    /** Checks the image size of the SIZ marker segment (T.800 A.5.1) before jai allocates for it. */
    private static void checkSiz(byte[] data, ImageDescriptor d) {
        for (int i = 0; i + 42 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0x4F && (data[i + 2] & 0xFF) == 0xFF
                    && (data[i + 3] & 0xFF) == 0x51) {
                int p = i + 8;                                    // after SOC, SIZ, Lsiz, Rsiz
                long width = u32(data, p) - u32(data, p + 8);
                long height = u32(data, p + 4) - u32(data, p + 12);
                int components = ((data[p + 32] & 0xFF) << 8) | (data[p + 33] & 0xFF);
                d.checkFrame("JPEG 2000", (int) Math.min(height, Integer.MAX_VALUE),
                        (int) Math.min(width, Integer.MAX_VALUE), components);
                return;
            }
        }
        throw new PixelDataException("JPEG 2000: no codestream (SOC followed by SIZ) found");
    }

    private static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    private static Raster readRaster(byte[] encoded) {
        ImageReader reader = null;
        try (ImageInputStream in = new ByteArrayImageInputStream(encoded)) {
            reader = READER_SPI.createReaderInstance();
            reader.setInput(in);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {      // the reader throws RuntimeExceptions on bad streams
            throw new PixelDataException("JPEG 2000: cannot decode: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /**
     * Unsigned samples: 8 bits (grey or RGB), 16 bits, and 9 to 15 bits stored in 16 (grey). Signed
     * samples are refused: jai's writer did not round-trip signed 16-bit noise exactly here.
     */
    @Override
    public boolean canEncode(ImageDescriptor d) {
        int bs = d.bitsStored();
        int spp = d.samplesPerPixel();
        return !d.signed() && d.bitsAllocated() <= 16
                && ((spp == 3 && (bs == 8 || bs == 16)) || (spp == 1 && bs >= 8));
    }

    @Override
    public byte[] encode(byte[] frame, ImageDescriptor d) {
        if (!canEncode(d)) {
            throw new UnsupportedOperationException("JPEG 2000 encoding not supported for " + d);
        }
        Raster raster = toRaster(FrameSamples.toComponents(frame, d), d);
        ImageWriter writer = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(frame.length / 2 + 256);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer = WRITER_SPI.createWriterInstance();
            J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
            param.setWriteCodeStreamOnly(true);
            param.setLossless(true);
            param.setFilter(J2KImageWriteParam.FILTER_53);
            param.setComponentTransformation(false);
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), param);
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException("JPEG 2000: cannot encode: " + e.getMessage(), e);
        } finally {
            if (writer != null) {
                writer.dispose();
            }
        }
        return bytes.toByteArray();
    }

    /** A raster whose sample model carries the precision and signedness the writer should code. */
    private static Raster toRaster(int[][] comps, ImageDescriptor d) {
        int w = d.columns();
        int h = d.rows();
        int bands = comps.length;
        int bs = d.bitsStored();
        SampleModel sm;
        int type = bs <= 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        if (bands == 1 && bs > 8 && bs < 16) {
            sm = new SinglePixelPackedSampleModel(DataBuffer.TYPE_USHORT, w, h, new int[] {(1 << bs) - 1});
        } else {
            int[] offsets = new int[bands];
            for (int b = 0; b < bands; b++) {
                offsets[b] = b;
            }
            sm = new PixelInterleavedSampleModel(type, w, h, bands, w * bands, offsets);
        }
        WritableRaster raster = Raster.createWritableRaster(sm, null);
        for (int b = 0; b < bands; b++) {
            raster.setSamples(0, 0, w, h, b, comps[b]);
        }
        return raster;
    }
}
