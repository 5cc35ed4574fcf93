package org.strata.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRootsTest {

    @TempDir
    Path tmp;

    @Test
    void aPathBelowAConfiguredRootIsAcceptedAndOneOutsideIsRefusedNamingTheSetting() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox/cd1"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path media = Files.createDirectories(tmp.resolve("media"));
        ImportRoots roots = ImportRoots.of(Optional.of(tmp.resolve("inbox") + " ,\n" + media), tmp.resolve("unused"));
        assertEquals(List.of(tmp.resolve("inbox"), media), roots.roots());

        assertDoesNotThrow(() -> roots.check(inbox));
        assertDoesNotThrow(() -> roots.check(media));
        MediaRequestRefused e = assertThrows(MediaRequestRefused.class, () -> roots.check(other));
        assertTrue(e.getMessage().contains(ImportRoots.SETTING), e.getMessage());
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    }

    @Test
    void dotDotSymbolicLinksAndSiblingsWithTheSamePrefixDoNotEscape() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path secret = Files.writeString(tmp.resolve("secret.dcm"), "x");
        Path sibling = Files.createDirectories(tmp.resolve("inbox2"));
        Path link = Files.createSymbolicLink(inbox.resolve("link.dcm"), secret);
        ImportRoots roots = ImportRoots.of(Optional.of(inbox.toString()), tmp);

        assertThrows(MediaRequestRefused.class, () -> roots.check(inbox.resolve("../secret.dcm")));
        assertThrows(MediaRequestRefused.class, () -> roots.check(link));
        assertThrows(MediaRequestRefused.class, () -> roots.check(sibling));
        // absent: refused as outside without telling whether it exists; inside: no such file
        assertThrows(MediaRequestRefused.class, () -> roots.check(tmp.resolve("absent")));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> roots.check(inbox.resolve("absent")));
    }

    @Test
    void unsetOrBlankMeansTheDefaultRootOnly() throws Exception {
        Path def = Files.createDirectories(tmp.resolve("data/inbox"));
        assertEquals(List.of(def), ImportRoots.of(Optional.empty(), def).roots());
        assertEquals(List.of(def), ImportRoots.of(Optional.of(" , "), def).roots());
        assertDoesNotThrow(() -> ImportRoots.of(Optional.empty(), def).check(def));
        assertThrows(MediaRequestRefused.class, () -> ImportRoots.of(Optional.empty(), def).check(tmp));
    }
}
