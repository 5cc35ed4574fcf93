package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Splitting into complete file-sets (PS3.11 D.3.4: no volume spanning). */
class SplitPlannerTest {

    private static SplitPlanner.Item<String> item(String p, String st, String se, int n, long bytes) {
        return new SplitPlanner.Item<>(p + st + se + n, p, st, se, bytes);
    }

    private static List<SplitPlanner.Item<String>> series(String p, String st, String se, int count, long each) {
        List<SplitPlanner.Item<String>> l = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            l.add(item(p, st, se, i, each));
        }
        return l;
    }

    @Test
    void everythingFitsOnOnePiece() {
        List<SplitPlanner.Item<String>> items = series("P1", "S1", "A", 5, 10);
        assertEquals(List.of(items), SplitPlanner.plan(items, 100));
    }

    @Test
    void patientsStayWholeWhenTheyFit() {
        List<SplitPlanner.Item<String>> items = new ArrayList<>(series("P1", "S1", "A", 6, 10));
        items.addAll(series("P2", "S2", "B", 6, 10));
        List<List<SplitPlanner.Item<String>>> pieces = SplitPlanner.plan(items, 100);
        assertEquals(2, pieces.size());
        assertTrue(pieces.get(0).stream().allMatch(i -> i.patientKey().equals("P1")));
        assertTrue(pieces.get(1).stream().allMatch(i -> i.patientKey().equals("P2")));
    }

    @Test
    void largePatientSplitsByStudyThenSeriesNeverWithinASeries() {
        List<SplitPlanner.Item<String>> items = new ArrayList<>(series("P1", "S1", "A", 4, 10));
        items.addAll(series("P1", "S1", "B", 4, 10));
        items.addAll(series("P1", "S2", "C", 3, 10));
        items.addAll(series("P1", "S2", "D", 9, 10));
        List<List<SplitPlanner.Item<String>>> pieces = SplitPlanner.plan(items, 100);
        Map<String, Integer> pieceOfSeries = new HashMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            long bytes = SplitPlanner.size(pieces.get(p));
            assertTrue(bytes <= 100, "piece " + p + " holds " + bytes);
            for (SplitPlanner.Item<String> i : pieces.get(p)) {
                Integer before = pieceOfSeries.putIfAbsent(i.seriesUid(), p);
                assertTrue(before == null || before == p, "series " + i.seriesUid() + " split");
            }
        }
        assertEquals(20, pieces.stream().mapToInt(List::size).sum());
        // S1 (80) fits whole; S2 (120) does not, so its series go on in order: C (30) opens piece 1, D (90) piece 2
        assertEquals(3, pieces.size());
        assertEquals(0, pieceOfSeries.get("A"));
        assertEquals(0, pieceOfSeries.get("B"), "study S1 stays whole");
        assertEquals(1, pieceOfSeries.get("C"));
        assertEquals(2, pieceOfSeries.get("D"));
    }

    @Test
    void seriesLargerThanAPieceIsRefused() {
        List<SplitPlanner.Item<String>> items = series("P1", "S1", "HUGE", 11, 10);
        SplitPlanner.SeriesTooLargeException e = assertThrows(SplitPlanner.SeriesTooLargeException.class,
                () -> SplitPlanner.plan(items, 100));
        assertTrue(e.getMessage().contains("HUGE"));
    }
}
