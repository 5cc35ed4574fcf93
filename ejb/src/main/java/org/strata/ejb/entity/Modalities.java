package org.strata.ejb.entity;

import java.util.TreeSet;

/** Keeps Modalities in Study (0008,0061) as a sorted, backslash-separated set of values. */
final class Modalities {

    private Modalities() {
    }

    static String add(String modalities, String modality) {
        TreeSet<String> set = new TreeSet<>();
        if (modalities != null && !modalities.isEmpty()) {
            set.addAll(java.util.List.of(modalities.split("\\\\")));
        }
        set.add(modality);
        return String.join("\\", set);
    }
}
