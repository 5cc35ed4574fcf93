package org.strata.hsm.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.file.FileRoot;
import org.strata.hsm.file.FileStorageProvider;
import org.strata.hsm.file.FileTierConfig;
import org.strata.hsm.file.FreeSpacePolicy;

/** The digest layer over a real disk tier in a temporary directory. */
class DigestingStorageTest {

    @TempDir
    Path root;
    FileStorageProvider tier;
    DigestingStorage storage;

    @BeforeEach
    void open() throws Exception {
        tier = new FileStorageProvider(FileTierConfig.of(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(root)));
        storage = new DigestingStorage(tier);
    }

    @Test
    void commitReturnsSizeAndSha256OfTheBytesWritten() throws Exception {
        byte[] data = TestData.bytes(300_001, 1);
        StoredObject stored;
        try (DigestingStorage.DigestedWrite w = storage.create("obj1")) {
            OutputStream out = w.stream();
            out.write(data, 0, 1000);
            out.write(data[1000]);
            out.write(data, 1001, data.length - 1001);
            stored = w.commit();
        }
        assertEquals(new StoredObject("obj1", data.length, new Sha256(TestData.sha256Hex(data))), stored);
        assertArrayEquals(data, TestData.readAll(storage.readVerified(stored)));
    }

    @Test
    void emptyObjectHasTheDigestOfNothing() throws Exception {
        StoredObject stored = storage.store("empty", new ByteArrayInputStream(new byte[0]));
        assertEquals(0, stored.size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.sha256().hex());
        assertEquals(0, TestData.readAll(storage.readVerified(stored)).length);
    }

    @Test
    void flippedByteOnDiskIsDetectedWhenReadVerified() throws Exception {
        byte[] data = TestData.bytes(100_000, 2);
        StoredObject stored = storage.store("victim", new ByteArrayInputStream(data));
        Path file = Files.walk(root).filter(p -> p.getFileName().toString().equals("victim")).findFirst().orElseThrow();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) ~data[54_321]}), 54_321);
        }
        try (InputStream in = storage.readVerified(stored)) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class, in::readAllBytes);
            assertEquals(stored, e.expected());
            assertEquals(data.length, e.actualSize());
            assertFalse(stored.sha256().equals(e.actualSha256()));
        }
        // the unverified read still gives the (corrupt) bytes
        assertEquals(data.length, TestData.readAll(tier.read("victim")).length);
    }

    @Test
    void truncatedOrExtendedObjectIsDetected() throws Exception {
        byte[] data = TestData.bytes(5000, 3);
        StoredObject stored = storage.store("sized", new ByteArrayInputStream(data));
        Path file = tier.rootOf("sized").orElseThrow();
        Path f = Files.walk(file).filter(p -> p.getFileName().toString().equals("sized")).findFirst().orElseThrow();

        Files.write(f, java.util.Arrays.copyOf(data, 4999));
        try (InputStream in = storage.readVerified(stored)) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class, in::readAllBytes);
            assertEquals(4999, e.actualSize());
        }
        Files.write(f, java.util.Arrays.copyOf(data, 5001));
        try (InputStream in = storage.readVerified(stored)) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class, in::readAllBytes);
            assertEquals(5001, e.actualSize());
            assertNull(e.actualSha256());
        }
    }

    @Test
    void wrongExpectationIsAMismatchEvenWhenTheBytesAreIntact() throws Exception {
        byte[] data = TestData.bytes(10, 4);
        StoredObject stored = storage.store("x", new ByteArrayInputStream(data));
        StoredObject wrong = new StoredObject("x", 10, new Sha256(TestData.sha256Hex(new byte[10])));
        try (InputStream in = storage.readVerified(wrong)) {
            assertThrows(DigestMismatchException.class, in::readAllBytes);
        }
        try (InputStream in = storage.readVerified(stored)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void failedWriteIsRevokedAndLeavesNothing() throws Exception {
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws java.io.IOException {
                if (n++ > 70_000) {
                    throw new java.io.IOException("sender went away");
                }
                return n & 0xff;
            }
        };
        assertThrows(java.io.IOException.class, () -> storage.store("half", failing));
        assertFalse(tier.exists("half"));
        try (var files = Files.walk(root)) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
    }
}
