package org.strata.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code INDEX.HTM} at the root of a piece: patients, studies and series, with thumbnails. */
public final class IndexHtml {

    public static final String NAME = "INDEX.HTM";

    private IndexHtml() {
    }

    public static void write(DiscContents c, Map<String, String> thumbnails, Path root) throws IOException {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>DICOM media ")
                .append(esc(c.fileSetId())).append("</title>\n<style>body{font-family:sans-serif}"
                        + "td,th{padding:4px 8px;text-align:left;vertical-align:middle}</style></head><body>\n");
        h.append("<h1>DICOM media ").append(esc(c.fileSetId())).append("</h1>\n<p>Piece ").append(c.piece())
                .append(" of ").append(c.pieces()).append(", ").append(c.instances())
                .append(" DICOM instances listed in the file <code>DICOMDIR</code>. See README.TXT.</p>\n");
        for (DiscContents.PatientEntry p : c.patients()) {
            h.append("<h2>").append(esc(Names.display(p.name()))).append(" (ID ").append(esc(p.id()))
                    .append(", born ").append(esc(Names.date(p.birthDate()))).append(")</h2>\n");
            for (DiscContents.StudyEntry st : p.studies()) {
                h.append("<h3>Study ").append(esc(Names.date(st.date()))).append(' ').append(esc(st.description()))
                        .append("</h3>\n<table><tr><th></th><th>Series</th><th>Modality</th><th>Description</th>"
                                + "<th>Instances</th></tr>\n");
                for (DiscContents.SeriesEntry se : st.series()) {
                    String thumb = thumbnails.get(se.uid());
                    h.append("<tr><td>").append(thumb == null ? "" : "<img src=\"" + thumb + "\" alt=\"series "
                                    + esc(se.number()) + "\">").append("</td><td>").append(esc(se.number()))
                            .append("</td><td>").append(esc(se.modality())).append("</td><td>")
                            .append(esc(se.description())).append("</td><td>").append(se.instances())
                            .append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        h.append("</body></html>\n");
        Files.writeString(root.resolve(NAME), h, StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
