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

    /** Height of the barcode's bars. */
    static final int BAR_HEIGHT = 90;

    public static void write(List<String> lines, Path png) throws IOException {
        write(lines, null, png);
    }

    /** The label, with {@code barcode} (or nothing when null or blank) in Code 128 near the bottom edge. */
    public static void write(List<String> lines, String barcode, Path png) throws IOException {
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
            if (barcode != null && !barcode.isBlank()) {
                drawBarcode(g, barcode.trim());
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer for the label");
        }
    }

    /** Code 128 bars centred on the lower part of the disc, the value in text under them. */
    private static void drawBarcode(Graphics2D g, String value) {
        boolean[] modules = Code128.modules(value);
        int width = modules.length + 2 * Code128.QUIET_ZONE;
        int module = Math.max(1, Math.min(4, SIZE * 3 / 5 / width));
        int x0 = (SIZE - modules.length * module) / 2;
        int y0 = SIZE * 77 / 100;
        g.setColor(Color.WHITE);
        g.fillRect(x0 - Code128.QUIET_ZONE * module, y0 - 10, width * module, BAR_HEIGHT + 60);
        g.setColor(Color.BLACK);
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                g.fillRect(x0 + i * module, y0, module, BAR_HEIGHT);
            }
        }
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 28));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(value, (SIZE - fm.stringWidth(value)) / 2, y0 + BAR_HEIGHT + fm.getAscent() + 4);
    }

    private static String fit(String text, FontMetrics fm, int width) {
        String t = text;
        while (t.length() > 3 && fm.stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2);
        }
        return t.equals(text) ? t : t + "…";
    }
}
