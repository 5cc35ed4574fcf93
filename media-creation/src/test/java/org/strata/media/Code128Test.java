package org.strata.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Code 128 set B: the worked example of the symbology (check character), module counts, refusals. */
class Code128Test {

    @Test
    void theCheckCharacterIsTheWeightedSumModulo103() {
        // "PJJ123C": Start B 104 + 1*48 + 2*42 + 3*42 + 4*17 + 5*18 + 6*19 + 7*35 = 879; 879 mod 103 = 55
        assertEquals(List.of(104, 48, 42, 42, 17, 18, 19, 35, 55, 106), Code128.symbols("PJJ123C"));
    }

    @Test
    void aSymbolIsElevenModulesPerCharacterAndStartsAndEndsWithABar() {
        boolean[] m = Code128.modules("AB");
        // start + 2 data + check = 4 × 11, stop 13
        assertEquals(4 * 11 + 13, m.length);
        assertTrue(m[0] && m[m.length - 1]);
    }

    @Test
    void onlyPrintableAsciiIsEncoded() {
        assertFalse(Code128.encodable("Müller"));
        assertFalse(Code128.encodable(""));
        assertThrows(IllegalArgumentException.class, () -> Code128.modules("tab\there"));
    }
}
