package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void trailingEmptyGroupsAndComponentsAreDropped() {
        assertEquals("Wang^XiaoDong=王^小東", PersonNames.normalize("Wang^XiaoDong=王^小東="));
        assertEquals("Doe^John", PersonNames.normalize("Doe^John^^^"));
        assertEquals("Doe^John", PersonNames.normalize("Doe^John^^^==  "));
        assertEquals("=山田^太郎", PersonNames.normalize("=山田^太郎="));
    }

    @Test
    void innerEmptyComponentsAndWildcardsStay() {
        assertEquals("Doe^^Q", PersonNames.normalize("Doe^^Q"));
        assertEquals("Doe^*", PersonNames.normalize("Doe^*"));
        assertEquals("", PersonNames.normalize(""));
        assertNull(PersonNames.normalize(null));
    }
}
