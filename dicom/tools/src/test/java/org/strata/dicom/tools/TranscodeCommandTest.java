package org.strata.dicom.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;

/** {@code transcode} through {@link Main}: keyword, directory tree, refusal of lossy without --lossy. */
class TranscodeCommandTest {

    private static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static int run(ByteArrayOutputStream err, String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void directoryToJpegLsAndBack(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in/sub");
        Files.createDirectories(in);
        Files.copy(FILES.resolve("MR_small.dcm"), in.resolve("mr.dcm"));
        Files.copy(FILES.resolve("CT_small.dcm"), tmp.resolve("in/ct.dcm"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "transcode", "-t", "JPEGLSLossless", tmp.resolve("in").toString(),
                tmp.resolve("jls").toString()), err.toString());
        DicomFile jls = Part10Reader.read(tmp.resolve("jls/sub/mr.dcm"));
        assertEquals("1.2.840.10008.1.2.4.80", jls.transferSyntax().uid());
        assertEquals(0, run(err, "transcode", "-t", "1.2.840.10008.1.2.1", tmp.resolve("jls/ct.dcm").toString(),
                tmp.resolve("ct.dcm").toString()), err.toString());
        assertArrayEquals(Part10Reader.read(FILES.resolve("CT_small.dcm")).dataset().getBytes(Tag.PixelData),
                Part10Reader.read(tmp.resolve("ct.dcm")).dataset().getBytes(Tag.PixelData));
    }

    @Test
    void lossyNeedsTheOption(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(err, "transcode", "-t", "JPEGBaseline8Bit", FILES.resolve("SC_rgb_small_odd.dcm")
                .toString(), tmp.resolve("x.dcm").toString()));
        assertTrue(err.toString().contains("lossy"), err.toString());
        assertEquals(0, run(err, "transcode", "-t", "JPEGBaseline8Bit", "--lossy", FILES.resolve("SC_rgb_small_odd.dcm")
                .toString(), tmp.resolve("x.dcm").toString()), err.toString());
        assertEquals(2, run(err, "transcode", "-t", "NoSuchSyntax", "a", "b"));
    }

    @Test
    void renderWritesPngAndJpeg(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path png = tmp.resolve("ct.png");
        assertEquals(0, run(err, "render", FILES.resolve("CT_small.dcm").toString(), png.toString(), "--window",
                "40,400", "--size", "64"), err.toString());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(64, image.getWidth());
        Path jpg = tmp.resolve("rgb.jpg");
        assertEquals(0, run(err, "render", FILES.resolve("SC_rgb_rle_2frame.dcm").toString(), jpg.toString(),
                "--frame", "2"), err.toString());
        assertEquals(100, javax.imageio.ImageIO.read(jpg.toFile()).getWidth());
        assertEquals(1, run(err, "render", FILES.resolve("SC_rgb_rle_2frame.dcm").toString(), jpg.toString(),
                "--frame", "3"));
        assertEquals(2, run(err, "render", "in.dcm", "out.gif"));
    }
}
