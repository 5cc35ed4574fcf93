package org.strata.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A disc label as a one-page PDF (ISO 32000-1: catalog, page tree, one page, a content stream of
 * text lines in the standard Helvetica font, cross-reference table). Written directly: no PDF
 * library is needed for a page of text. Characters outside printable ASCII print as '?'.
 */
public final class LabelPdf {

    /** 120 mm disc in PDF points (1/72 in). */
    static final int SIZE = 340;

    private LabelPdf() {
    }

    public static void write(List<String> lines, Path pdf) throws IOException {
        write(lines, null, pdf);
    }

    /** The label, with {@code barcode} (or nothing when null or blank) in Code 128 at the bottom. */
    public static void write(List<String> lines, String barcode, Path pdf) throws IOException {
        StringBuilder content = new StringBuilder();
        if (barcode != null && !barcode.isBlank()) {
            bars(content, barcode.trim());
        }
        content.append("BT /F1 11 Tf 14 TL ").append(40).append(' ').append(SIZE - 60).append(" Td\n");
        for (String line : lines) {
            content.append('(').append(escape(line)).append(") Tj T*\n");
        }
        content.append("ET\n");
        String stream = content.toString();
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + SIZE + " " + SIZE + "] "
                + "/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        objects.add("<< /Length " + stream.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + stream
                + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> x.append(String.format("%010d 00000 n \n", o)));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        Files.write(pdf, out.toByteArray());
    }

    /** Code 128 bars as filled rectangles, 0.5 pt per module, the value in Courier under them. */
    private static void bars(StringBuilder content, String value) {
        boolean[] modules = Code128.modules(value);
        double module = Math.min(0.75, SIZE * 0.6 / (modules.length + 2 * Code128.QUIET_ZONE));
        double x0 = (SIZE - modules.length * module) / 2;
        int y0 = 45;
        content.append("0 g\n");
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                content.append(String.format(java.util.Locale.ROOT, "%.3f %d %.3f 28 re f\n", x0 + i * module, y0,
                        module));
            }
        }
        content.append("BT /F2 8 Tf ").append(String.format(java.util.Locale.ROOT, "%.1f", SIZE / 2.0 - value.length() * 2.4))
                .append(" 35 Td (").append(escape(value)).append(") Tj ET\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append('?');
            }
        }
        return b.toString();
    }
}
