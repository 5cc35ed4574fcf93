package org.strata.dicom.imageio.render;

/** A VOI window (PS3.3 C.11.2.1.2): Window Center and Window Width (width >= 1). */
public record Window(double center, double width) {

    public Window {
        if (!(width >= 1)) {
            throw new IllegalArgumentException("window width must be >= 1: " + width);
        }
    }

    /** Parses {@code "C,W"}. */
    public static Window parse(String centerCommaWidth) {
        String[] p = centerCommaWidth.split(",");
        if (p.length != 2) {
            throw new IllegalArgumentException("window must be CENTER,WIDTH: " + centerCommaWidth);
        }
        return new Window(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
    }

    /**
     * The linear VOI function of PS3.3 C.11.2.1.2.1 onto 0..255: below {@code c - 0.5 - (w-1)/2}
     * black, above {@code c - 0.5 + (w-1)/2} white, else {@code ((x - (c - 0.5)) / (w-1) + 0.5) * 255}.
     */
    public double apply(double x) {
        double c = center - 0.5;
        double half = (width - 1) / 2;
        if (x <= c - half) {
            return 0;
        }
        if (x > c + half) {
            return 255;
        }
        return width <= 1 ? 255 : ((x - c) / (width - 1) + 0.5) * 255;
    }
}
