package org.strata.hsm.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierUriTest {

    @Test
    void s3QueryBecomesSettingsAndLeavesTheLocation() {
        TierUri t = TierUri.parse("s3://images?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu-west-1&pathStyle=true",
                Map.of("accessKeyId", "id"));
        assertEquals(URI.create("s3://images"), t.location());
        assertEquals("http://127.0.0.1:9000", t.config().require("endpoint"));
        assertEquals("eu-west-1", t.config().require("region"));
        assertEquals("PATH", t.config().require("addressing"));
        assertEquals("id", t.config().require("accessKeyId"));
        assertEquals("s3", t.scheme());
    }

    @Test
    void tarVolumeSizeIsTheVolumeCapacityAndExplicitSettingsWin() {
        TierUri t = TierUri.parse("tar:/var/lib/library?volumeSize=1000000&mountDelay=PT2S", Map.of("mountDelay", "0"));
        assertEquals(URI.create("tar:/var/lib/library"), t.location());
        assertEquals(1_000_000, t.config().getLong("volumeCapacity", 0));
        assertEquals("0", t.config().require("mountDelay"));
    }

    @Test
    void pathStyleFalseIsVirtualHostAddressing() {
        assertEquals("VIRTUAL_HOST", TierUri.parse("s3://b?pathStyle=false", null).config().require("addressing"));
    }

    @Test
    void unknownSchemesAndEmptyUrisAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TierUri.parse("ftp://host/x", null));
        assertThrows(IllegalArgumentException.class, () -> TierUri.parse(" ", null));
    }
}
