package org.strata.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A disc label as a PNG (120 mm disc at 300 dpi would be larger; 1200 px keeps it printable). */
public final class LabelImage {

    static final int SIZE = 1200;

    private LabelImage() {
    }

    public static void write(List<String> lines, Path png) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawOval(2, 2, SIZE - 4, SIZE - 4);
            int hole = SIZE * 15 / 120;
            g.drawOval((SIZE - hole) / 2, (SIZE - hole) / 2, hole, hole);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            FontMetrics fm = g.getFontMetrics();
            int y = SIZE / 2 + hole / 2 + fm.getHeight() + 10;
            int top = 140;
            int line = 0;
            for (String text : lines) {
                int ty = line < 4 ? top + line * fm.getHeight() : y + (line - 4) * fm.getHeight();
                String fitted = fit(text, fm, SIZE * 3 / 4);
                g.drawString(fitted, (SIZE - fm.stringWidth(fitted)) / 2, ty);
                line++;
                if (line == 1) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
                    fm = g.getFontMetrics();
                }
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer for the label");
        }
    }

    private static String fit(String text, FontMetrics fm, int width) {
        String t = text;
        while (t.length() > 3 && fm.stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2);
        }
        return t.equals(text) ? t : t + "…";
    }
}
