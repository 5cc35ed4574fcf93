package org.strata.media;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The text printed on a disc label (PS3.4 S.3.1.2.1.1: Label Using Information Extracted From
 * Instances): patient name, ID and birth date, study dates and descriptions, institution, the
 * requester's label text, the barcode value, and "disc n of N".
 */
public final class LabelLines {

    private LabelLines() {
    }

    public static List<String> of(DiscContents c, String labelText, String barcodeValue) {
        List<String> lines = new ArrayList<>();
        Set<String> institutions = new LinkedHashSet<>();
        for (DiscContents.PatientEntry p : c.patients()) {
            lines.add(Names.display(p.name()));
            lines.add("ID " + p.id() + (p.birthDate().isEmpty() ? "" : "   born " + Names.date(p.birthDate())));
            for (DiscContents.StudyEntry st : p.studies()) {
                lines.add(Names.date(st.date()) + "  " + st.description());
                if (!st.institution().isEmpty()) {
                    institutions.add(st.institution());
                }
            }
        }
        lines.addAll(institutions);
        if (labelText != null && !labelText.isBlank()) {
            lines.add(labelText.trim());
        }
        if (barcodeValue != null && !barcodeValue.isBlank()) {
            lines.add("*" + barcodeValue.trim() + "*");
        }
        lines.add("Disc " + c.piece() + " of " + c.pieces() + "   " + String.join(" ", c.modalities()));
        return List.copyOf(lines);
    }
}
