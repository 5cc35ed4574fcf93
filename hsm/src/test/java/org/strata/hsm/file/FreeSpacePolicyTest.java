package org.strata.hsm.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.hsm.file.FreeSpacePolicy.RootSpace;

class FreeSpacePolicyTest {

    final FileRoot a = new FileRoot(Path.of("/a"), RootState.READ_WRITE, 100);
    final FileRoot b = new FileRoot(Path.of("/b"), RootState.READ_WRITE, 0);
    final FileRoot c = new FileRoot(Path.of("/c"), RootState.READ_WRITE, 1000);

    @Test
    void mostFreeComparesHeadroomAboveTheWatermark() {
        // c has the most usable bytes but the least above its watermark
        List<RootSpace> roots = List.of(new RootSpace(a, 600), new RootSpace(b, 400), new RootSpace(c, 1200));
        assertEquals(a, FreeSpacePolicy.MOST_FREE.select(roots).orElseThrow());
    }

    @Test
    void fillInOrderTakesTheFirstRootAboveItsWatermark() {
        List<RootSpace> roots = List.of(new RootSpace(a, 100), new RootSpace(b, 1), new RootSpace(c, 5000));
        assertEquals(b, FreeSpacePolicy.FILL_IN_ORDER.select(roots).orElseThrow());
    }

    @Test
    void noRootAboveItsWatermarkMeansNoChoice() {
        List<RootSpace> roots = List.of(new RootSpace(a, 100), new RootSpace(b, 0), new RootSpace(c, 999));
        for (FreeSpacePolicy p : FreeSpacePolicy.values()) {
            assertTrue(p.select(roots).isEmpty(), p.name());
        }
    }
}
