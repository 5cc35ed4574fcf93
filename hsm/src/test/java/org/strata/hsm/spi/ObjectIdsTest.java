package org.strata.hsm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "1.2.840.10008.5.1.4.1.1.2", "study-1_obj.dcm", "A-b_C.9"})
    void acceptsPlainIds(String id) {
        assertEquals(id, ObjectIds.validate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../etc/passwd", "a/b", "a\\b", "/abs", ".hidden",
            "a b", "a\u0000b", "a\nb", "é", "C:x", "a*"})
    void rejectsIdsThatAreNotPlainNames(String id) {
        assertThrows(IllegalArgumentException.class, () -> ObjectIds.validate(id));
    }

    @org.junit.jupiter.api.Test
    void rejectsNullAndOverlongIds() {
        assertThrows(IllegalArgumentException.class, () -> ObjectIds.validate(null));
        assertEquals(200, ObjectIds.validate("x".repeat(200)).length());
        assertThrows(IllegalArgumentException.class, () -> ObjectIds.validate("x".repeat(201)));
    }
}
