package org.strata.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaApplicationProfileTest {

    @Test
    void generalPurposeCdAllowsExplicitLittleEndianOnly() {
        assertEquals(List.of("1.2.840.10008.1.2.1"), MediaApplicationProfile.of("STD-GEN-CD").transferSyntaxes());
    }

    @Test
    void dvdJpegAllowsTheJpegFamilyAndUncompressed() {
        List<String> ts = MediaApplicationProfile.of("STD-GEN-DVD-JPEG").transferSyntaxes();
        assertTrue(ts.contains("1.2.840.10008.1.2.1"));
        assertTrue(ts.contains("1.2.840.10008.1.2.4.70"));
        assertEquals(5, ts.size());
    }

    @Test
    void unknownProfileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MediaApplicationProfile.of("STD-XYZ"));
    }
}
