package org.strata.hsm.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.strata.hsm.TestData;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/**
 * The SPI's rules, the same for every tier. A tier's test extends this and supplies the
 * provider; ids are unique per test so a shared provider may be used.
 */
public abstract class StorageProviderContract {

    /** The tier under test, ready to use. */
    protected abstract StorageProvider provider() throws Exception;

    private static String newId() {
        return "c-" + UUID.randomUUID();
    }

    @Test
    void committedObjectReadsBackWholeAndInRanges() throws Exception {
        StorageProvider p = provider();
        String id = newId();
        byte[] data = TestData.bytes(70_001, 99);
        try (PendingWrite w = p.create(id)) {
            OutputStream out = w.stream();
            out.write(data, 0, 10);
            out.write(data[10]);
            out.write(data, 11, data.length - 11);
            w.commit();
        }
        assertTrue(p.exists(id));
        assertArrayEquals(data, TestData.readAll(p.read(id)));
        assertArrayEquals(Arrays.copyOfRange(data, 65_536, 65_636), TestData.readAll(p.readRange(id, 65_536, 100)));
        assertArrayEquals(Arrays.copyOfRange(data, 70_000, 70_001), TestData.readAll(p.readRange(id, 70_000, 50)));
        assertEquals(0, TestData.readAll(p.readRange(id, 5, 0)).length);
        assertThrows(EOFException.class, () -> TestData.readAll(p.readRange(id, 70_001, 1)));
        assertThrows(IllegalArgumentException.class, () -> p.readRange(id, -1, 1));
    }

    @Test
    void nothingIsVisibleUntilCommitAndRevokedOrClosedWritesLeaveNothing() throws Exception {
        StorageProvider p = provider();
        String revoked = newId();
        PendingWrite w = p.create(revoked);
        w.stream().write(TestData.bytes(1000, 1));
        w.stream().flush();
        assertFalse(p.exists(revoked));
        assertThrows(NoSuchFileException.class, () -> p.read(revoked));
        w.revoke();
        w.revoke();
        w.close();
        assertThrows(IllegalStateException.class, w::commit);
        assertFalse(p.exists(revoked));

        String closed = newId();
        try (PendingWrite c = p.create(closed)) {
            c.stream().write(1);
            c.stream().close(); // closing the stream is not a commit
        }
        assertFalse(p.exists(closed));
    }

    @Test
    void commitHappensOnceAndIdsAreNotReused() throws Exception {
        StorageProvider p = provider();
        String id = newId();
        PendingWrite w = p.create(id);
        w.stream().write(new byte[] {1, 2});
        w.commit();
        assertThrows(IllegalStateException.class, w::commit);
        assertThrows(IllegalStateException.class, w::revoke);
        w.close();
        assertThrows(FileAlreadyExistsException.class, () -> p.create(id));
        assertArrayEquals(new byte[] {1, 2}, TestData.readAll(p.read(id)));
    }

    @Test
    void emptyObjectsExist() throws Exception {
        StorageProvider p = provider();
        String id = newId();
        try (PendingWrite w = p.create(id)) {
            w.commit();
        }
        assertTrue(p.exists(id));
        assertEquals(0, TestData.readAll(p.read(id)).length);
    }

    @Test
    void missingObjectsAndDeletes() throws Exception {
        StorageProvider p = provider();
        String id = newId();
        assertFalse(p.exists(id));
        assertThrows(NoSuchFileException.class, () -> p.read(id));
        assertThrows(NoSuchFileException.class, () -> p.readRange(id, 0, 1));
        p.delete(id);
        try (PendingWrite w = p.create(id)) {
            w.stream().write(7);
            w.commit();
        }
        p.delete(id);
        assertFalse(p.exists(id));
        assertThrows(NoSuchFileException.class, () -> p.read(id));
    }

    @Test
    void invalidIdsAreRefused() throws Exception {
        StorageProvider p = provider();
        for (String id : new String[] {"../x", "a/b", ".hidden", "", "x y"}) {
            assertThrows(IllegalArgumentException.class, () -> p.create(id), id);
            assertThrows(IllegalArgumentException.class, () -> p.read(id), id);
            assertThrows(IllegalArgumentException.class, () -> p.exists(id), id);
        }
    }

    @Test
    void reportsItsSchemeAndSpace() throws Exception {
        StorageProvider p = provider();
        assertEquals(p.scheme(), p.location().getScheme());
        assertTrue(p.usableSpace() > 0);
    }
}
