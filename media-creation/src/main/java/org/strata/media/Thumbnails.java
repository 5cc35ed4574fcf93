package org.strata.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.strata.dicom.imageio.render.RenderOptions;
import org.strata.dicom.imageio.render.Renderer;

/**
 * JPEG thumbnails of each series' first image under {@code IHE_PDI/} (the folder IHE PDI uses for
 * web content), named in ISO 9660 level 1 form ({@code S0001.JPG}).
 */
public final class Thumbnails {

    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());

    /** The directory, relative to the file-set root. */
    public static final String FOLDER = "IHE_PDI";

    static final int SIZE = 128;

    private Thumbnails() {
    }

    /** Renders what can be rendered; returns series UID → path relative to the root ({@code IHE_PDI/S0001.JPG}). */
    public static Map<String, String> write(DiscContents contents, Path root) throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        Path folder = root.resolve(FOLDER);
        int n = 0;
        for (DiscContents.PatientEntry p : contents.patients()) {
            for (DiscContents.StudyEntry st : p.studies()) {
                for (DiscContents.SeriesEntry se : st.series()) {
                    BufferedImage image = render(se.firstFile());
                    if (image == null) {
                        continue;
                    }
                    Files.createDirectories(folder);
                    String name = String.format("S%04d.JPG", ++n);
                    if (!ImageIO.write(image, "jpeg", folder.resolve(name).toFile())) {
                        throw new IOException("no JPEG writer for thumbnails");
                    }
                    written.put(se.uid(), FOLDER + "/" + name);
                }
            }
        }
        return written;
    }

    private static BufferedImage render(Path file) {
        try {
            BufferedImage image = Renderer.render(file, RenderOptions.DEFAULT.withSize(SIZE));
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException | RuntimeException e) {
            // not an image (SR, waveform …) or not renderable: the index lists it without a picture
            LOG.fine(() -> "no thumbnail of " + file + ": " + e.getMessage());
            return null;
        }
    }
}
