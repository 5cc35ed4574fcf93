package org.strata.ejb.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemoteAEConfigTest {

    @Test
    void insignificantSpacesOfTheTitleAndHostAreDropped() {
        RemoteAEConfig c = new RemoteAEConfig(" STORESCP ", " localhost ", 104, false, null);
        assertEquals("STORESCP", c.aeTitle());
        assertEquals("localhost", c.host());
    }

    @Test
    void titlesLongerThanSixteenCharactersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RemoteAEConfig("ABCDEFGHIJKLMNOPQ", "h", 104, false, null));
        assertEquals("AE title 'ABCDEFGHIJKLMNOPQ' is longer than 16 characters", e.getMessage());
    }

    @Test
    void emptyTitlesBackslashesAndControlCharactersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("   ", "h", 104, false, null));
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("A\\B", "h", 104, false, null));
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("A\tB", "h", 104, false, null));
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("ÄRZTE", "h", 104, false, null));
    }

    @Test
    void portsOutsideTheRangeAndMissingHostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("A", "h", 0, false, null));
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("A", "h", 65536, false, null));
        assertThrows(IllegalArgumentException.class, () -> new RemoteAEConfig("A", " ", 104, false, null));
    }

    @Test
    void sixteenCharacterTitlesWithInnerSpacesAreFine() {
        assertEquals("MY ARCHIVE 12345", new RemoteAEConfig("MY ARCHIVE 12345", "h", 1, true, "d").aeTitle());
    }
}
