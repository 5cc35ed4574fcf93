package org.strata.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code README.TXT} at the root of a piece: what the medium holds and how to open it. */
public final class ReadmeText {

    public static final String NAME = "README.TXT";

    private ReadmeText() {
    }

    public static void write(DiscContents c, String profile, Path root) throws IOException {
        StringBuilder t = new StringBuilder();
        t.append("DICOM medium ").append(c.fileSetId()).append(" - piece ").append(c.piece()).append(" of ")
                .append(c.pieces()).append("\r\n\r\n");
        t.append("This medium holds medical images in the DICOM format (application profile ").append(profile)
                .append(", DICOM PS3.11).\r\n");
        t.append("Open the file DICOMDIR with any DICOM viewer; it lists every image on this medium.\r\n");
        t.append("INDEX.HTM shows the contents in a web browser (no images can be diagnosed from it).\r\n\r\n");
        for (DiscContents.PatientEntry p : c.patients()) {
            t.append("Patient: ").append(Names.display(p.name())).append("  ID: ").append(p.id())
                    .append("  Birth date: ").append(Names.date(p.birthDate())).append("\r\n");
            for (DiscContents.StudyEntry st : p.studies()) {
                t.append("  Study ").append(Names.date(st.date())).append(' ').append(st.description())
                        .append(" (").append(st.series().size()).append(" series)\r\n");
            }
        }
        t.append("\r\nCreated by Strata DICOM archive. The images are copies; the archive keeps the originals.\r\n");
        Files.writeString(root.resolve(NAME), t, StandardCharsets.US_ASCII);
    }
}
