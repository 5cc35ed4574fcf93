package org.strata.dicom.imageio.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.Part10Writer;

/** Rendered frames against DCMTK's dcmj2pnm at the same window: mean absolute difference <= 1 grey level. */
class RendererTest {

    private static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path tmp;

    private BufferedImage dcmj2pnm(Path dicom, String... options) throws IOException, InterruptedException {
        Path png = tmp.resolve(dicom.getFileName() + "." + options.length + ".png");
        List<String> cmd = new ArrayList<>(List.of("dcmj2pnm", "+on"));
        cmd.addAll(List.of(options));
        cmd.add(dicom.toString());
        cmd.add(png.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + ": " + log);
        }
        return ImageIO.read(png.toFile());
    }

    /** Mean absolute difference over all pixels and colour channels. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0;
        if (a.getRaster().getNumBands() == 1 && b.getRaster().getNumBands() == 1) {
            // grey: compare the stored samples (getRGB would pass them through the sRGB curve)
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    sum += Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0));
                }
            }
            return (double) sum / (a.getWidth() * a.getHeight());
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    sum += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    @Test
    void ctWithGivenWindowAndRescale() throws Exception {
        Path ct = FILES.resolve("CT_small.dcm");
        BufferedImage ours = Renderer.render(ct, RenderOptions.DEFAULT.withWindow(new Window(40, 400)));
        double diff = meanDifference(ours, dcmj2pnm(ct, "+Ww", "40", "400"));
        assertTrue(diff <= 1, "mean difference " + diff);
        BufferedImage narrow = Renderer.render(ct, RenderOptions.DEFAULT.withWindow(new Window(180, 60)));
        double diff2 = meanDifference(narrow, dcmj2pnm(ct, "+Ww", "180", "60"));
        assertTrue(diff2 <= 1, "mean difference " + diff2);
    }

    @Test
    void monochrome1IsInverted() throws Exception {
        DicomFile mr = Part10Reader.read(FILES.resolve("MR_small.dcm"));
        mr.dataset().setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME1");
        Path file = tmp.resolve("mono1.dcm");
        Part10Writer.write(file, mr);
        BufferedImage ours = Renderer.render(file, RenderOptions.DEFAULT.withWindow(new Window(600, 1200)));
        double diff = meanDifference(ours, dcmj2pnm(file, "+Ww", "600", "1200"));
        assertTrue(diff <= 1, "mean difference " + diff);
        BufferedImage mono2 = Renderer.render(FILES.resolve("MR_small.dcm"),
                RenderOptions.DEFAULT.withWindow(new Window(600, 1200)));
        assertEquals(255 - mono2.getRaster().getSample(30, 30, 0), ours.getRaster().getSample(30, 30, 0));
    }

    @Test
    void paletteColour() throws Exception {
        DicomFile grey = Part10Reader.read(FILES.resolve("image_dfl.dcm"));
        Attributes ds = grey.dataset();
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "PALETTE COLOR");
        byte[][] tables = new byte[3][512];
        for (int i = 0; i < 256; i++) {
            int[] rgb = {i * 257, (255 - i) * 257, (i * 3 % 256) * 257};
            for (int c = 0; c < 3; c++) {
                tables[c][2 * i] = (byte) rgb[c];
                tables[c][2 * i + 1] = (byte) (rgb[c] >> 8);
            }
        }
        int[] descriptors = {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor};
        int[] data = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
            Tag.BluePaletteColorLookupTableData};
        for (int c = 0; c < 3; c++) {
            ds.setInt(descriptors[c], VR.US, 256, 0, 16);
            ds.setBytes(data[c], VR.OW, tables[c]);
        }
        Path file = tmp.resolve("palette.dcm");
        Part10Writer.write(file, new DicomFile(null, grey.fileMeta(), ds,
                org.strata.dicom.core.io.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        BufferedImage ours = Renderer.render(file, RenderOptions.DEFAULT);
        double diff = meanDifference(ours, dcmj2pnm(file));
        assertTrue(diff <= 1, "mean difference " + diff);
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void rgbAndSize() throws Exception {
        Path rgb = FILES.resolve("SC_rgb_rle_2frame.dcm");
        BufferedImage second = Renderer.render(rgb, RenderOptions.DEFAULT.withFrame(1));
        double diff = meanDifference(second, dcmj2pnm(rgb, "+F", "2"));
        assertTrue(diff <= 1, "mean difference " + diff);
        BufferedImage small = Renderer.render(rgb, RenderOptions.DEFAULT.withSize(40));
        assertEquals(40, Math.max(small.getWidth(), small.getHeight()));
    }

    @Test
    void voiLutSequence() throws Exception {
        DicomFile mr = Part10Reader.read(FILES.resolve("MR_small.dcm"));
        Attributes item = mr.dataset().newSequence(Tag.VOILUTSequence).newItem();
        int n = 2048;
        byte[] lut = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int v = (int) Math.round(4095 * Math.sqrt(i / (n - 1.0)));   // a non-linear curve, 12-bit output
            lut[2 * i] = (byte) v;
            lut[2 * i + 1] = (byte) (v >> 8);
        }
        item.setInt(Tag.LUTDescriptor, VR.US, n, 0, 12);
        item.setBytes(Tag.LUTData, VR.OW, lut);
        Path file = tmp.resolve("voilut.dcm");
        Part10Writer.write(file, mr);
        BufferedImage ours = Renderer.render(file, RenderOptions.DEFAULT);
        double diff = meanDifference(ours, dcmj2pnm(file, "+Wl", "1"));
        assertTrue(diff <= 1, "mean difference " + diff);
    }
}
