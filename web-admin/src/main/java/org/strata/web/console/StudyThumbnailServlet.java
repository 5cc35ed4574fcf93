package org.strata.web.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.strata.dicom.imageio.render.RenderOptions;
import org.strata.dicom.imageio.render.Renderer;
import org.strata.ejb.hsm.CopyReader;
import org.strata.ejb.hsm.CopyStore;
import org.strata.ejb.hsm.TierRegistry;

/**
 * {@code /strata/thumbnail?study=UID}: a 128-pixel PNG of the first renderable instance of a study
 * that has a copy on the online tier (a nearline study is not staged for a picture: 404).
 */
@WebServlet("/thumbnail")
public class StudyThumbnailServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StudyThumbnailServlet.class.getName());
    /** Edge of the thumbnail in pixels. */
    static final int SIZE = 128;
    /** Instances tried before giving up (SR, waveforms and the like have no picture). */
    private static final int TRIES = 3;

    @Inject
    transient CopyStore copies;

    @Inject
    transient CopyReader reader;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String study = req.getParameter("study");
        if (study == null || !study.matches("[0-9]+(\\.[0-9]+)*") || study.length() > 64) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "study must be a Study Instance UID");
            return;
        }
        List<CopyStore.Copy> online = copies.copiesOfStudy(study).stream()
                .filter(c -> TierRegistry.ONLINE.equals(c.storageId())).limit(TRIES).toList();
        for (CopyStore.Copy c : online) {
            BufferedImage image = render(c);
            if (image != null) {
                resp.setContentType("image/png");
                resp.setHeader("Cache-Control", "private, max-age=300");
                ImageIO.write(image, "png", resp.getOutputStream());
                return;
            }
        }
        resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no renderable online instance in study " + study);
    }

    private BufferedImage render(CopyStore.Copy copy) throws IOException {
        Path tmp = Files.createTempFile("strata-thumbnail", ".dcm");
        try {
            try (InputStream in = reader.open(copy.storageId(), copy.objectId())) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            // 8-bit grey or RGB, both of which PNG holds as they are
            return Renderer.render(tmp, RenderOptions.DEFAULT.withSize(SIZE));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "no thumbnail of " + copy.sopInstanceUid() + ": " + e.getMessage());
            return null;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
