package org.strata.ejb.media;

import java.util.List;
import java.util.Objects;

/**
 * What a media request asks for: either studies or instances, an application profile
 * (e.g. {@code STD-GEN-CD}), an output ({@code iso}, {@code zip}, {@code folder}, {@code burner}),
 * copies, a label text, an optional File-set ID (PS3.4 S.3.1.2.1: generated when absent), a
 * Barcode Value (2200,0005) printed on the label, Include Display Application (2200,0009).
 */
public record MediaOrder(List<String> studies, List<String> instances, String profile, String output, int copies,
                         String label, String fileSetId, boolean allowSplitting, String barcode,
                         boolean includeViewer) {

    public MediaOrder {
        studies = List.copyOf(Objects.requireNonNullElse(studies, List.of()));
        instances = List.copyOf(Objects.requireNonNullElse(instances, List.of()));
    }
}
