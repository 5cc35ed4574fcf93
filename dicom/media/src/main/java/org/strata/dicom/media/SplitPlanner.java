package org.strata.dicom.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans how instances are spread over pieces of media when they do not fit on one (PS3.11 D.3.4:
 * no volume spanning, so each piece is a complete file-set). A pure function: patients are kept
 * whole when they fit on a piece, else studies, else series; a series is never split. Pieces are
 * filled in input order (first fit on the current piece, then a new piece).
 */
public final class SplitPlanner {

    /** One instance to place: its grouping keys and its size in bytes (including its share of DICOMDIR). */
    public record Item<T>(T ref, String patientKey, String studyUid, String seriesUid, long bytes) {
    }

    /** A series larger than one piece. */
    public static final class SeriesTooLargeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SeriesTooLargeException(String seriesUid, long bytes, long capacity) {
            super("series " + seriesUid + " needs " + bytes + " bytes, more than one piece holds (" + capacity + ")");
        }
    }

    private SplitPlanner() {
    }

    /** The pieces, each a list of items, for media of {@code capacity} bytes. */
    public static <T> List<List<Item<T>>> plan(List<Item<T>> items, long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        Map<String, Map<String, Map<String, List<Item<T>>>>> patients = new LinkedHashMap<>();
        for (Item<T> item : items) {
            patients.computeIfAbsent(item.patientKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(item.studyUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(item.seriesUid(), k -> new ArrayList<>()).add(item);
        }
        Pieces<T> pieces = new Pieces<>(capacity);
        for (Map<String, Map<String, List<Item<T>>>> studies : patients.values()) {
            if (pieces.place(flatten(studies.values().stream().flatMap(s -> s.values().stream()).toList()))) {
                continue;
            }
            for (Map<String, List<Item<T>>> series : studies.values()) {
                if (pieces.place(flatten(List.copyOf(series.values())))) {
                    continue;
                }
                for (Map.Entry<String, List<Item<T>>> one : series.entrySet()) {
                    if (!pieces.place(one.getValue())) {
                        throw new SeriesTooLargeException(one.getKey(), size(one.getValue()), capacity);
                    }
                }
            }
        }
        return pieces.done();
    }

    private static <T> List<Item<T>> flatten(List<List<Item<T>>> groups) {
        List<Item<T>> all = new ArrayList<>();
        groups.forEach(all::addAll);
        return all;
    }

    static long size(List<? extends Item<?>> items) {
        return items.stream().mapToLong(Item::bytes).sum();
    }

    private static final class Pieces<T> {
        final long capacity;
        final List<List<Item<T>>> done = new ArrayList<>();
        List<Item<T>> current = new ArrayList<>();
        long used;

        Pieces(long capacity) {
            this.capacity = capacity;
        }

        /** Places the group whole on the current or a new piece; false if it fits on no piece. */
        boolean place(List<Item<T>> group) {
            long bytes = size(group);
            if (bytes > capacity) {
                return false;
            }
            if (used + bytes > capacity) {
                done.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.addAll(group);
            used += bytes;
            return true;
        }

        List<List<Item<T>>> done() {
            if (!current.isEmpty()) {
                done.add(current);
            }
            return done;
        }
    }
}
