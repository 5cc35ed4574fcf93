package org.strata.dicom.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.strata.dicom.imageio.render.RenderOptions;
import org.strata.dicom.imageio.render.Renderer;
import org.strata.dicom.imageio.render.Window;

/** {@code render IN OUT.png|OUT.jpg [--frame N] [--window C,W] [--size PX]}: one frame as an 8-bit image. */
public final class RenderCommand implements Command {

    private static final String USAGE = "usage: render IN OUT.png|OUT.jpg [--frame N (1-based)] [--window C,W] [--size PX]";

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "render IN OUT.png|.jpg [--frame N] [--window C,W] [--size PX] : frame as PNG/JPEG";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        RenderOptions options = RenderOptions.DEFAULT;
        List<String> paths = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                boolean hasValue = i + 1 < args.size();
                if (a.equals("--frame") && hasValue) {
                    options = options.withFrame(Integer.parseInt(args.get(++i)) - 1);
                } else if (a.equals("--window") && hasValue) {
                    options = options.withWindow(Window.parse(args.get(++i)));
                } else if (a.equals("--size") && hasValue) {
                    options = options.withSize(Integer.parseInt(args.get(++i)));
                } else {
                    paths.add(a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("render: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (paths.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        String name = paths.get(1).toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : null;
        if (format == null) {
            err.println("render: output must end in .png, .jpg or .jpeg");
            return 2;
        }
        try {
            BufferedImage image = Renderer.render(Path.of(paths.get(0)), options);
            if (!ImageIO.write(image, format, Path.of(paths.get(1)).toFile())) {
                err.println("render: no " + format + " writer");
                return 1;
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("render: " + DicomInputs.describe(paths.get(0), e));
            return 1;
        }
    }
}
