package org.strata.hsm.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.digest.Sha256;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProvider.PendingWrite;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The object tier against a real S3Proxy started for this class. */
class S3StorageProviderTest {

    static final String BUCKET = "strata-test";
    static final int PART = S3Config.MIN_PART_SIZE;

    @TempDir
    static Path work;
    static S3ProxyServer server;
    static S3Client admin;
    static S3StorageProvider tier;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start(work);
        admin = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.CREDENTIALS.accessKeyId(), S3ProxyServer.CREDENTIALS.secretAccessKey())))
                .build();
        admin.createBucket(b -> b.bucket(BUCKET));
        tier = new S3StorageProvider(S3Config.builder().endpoint(server.endpoint()).bucket(BUCKET)
                .keyPrefix("archive/").credentials(S3ProxyServer.CREDENTIALS).partSize(PART).build());
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (tier != null) {
            tier.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The SPI's rules, against the same S3Proxy. */
    @org.junit.jupiter.api.Nested
    class Contract extends org.strata.hsm.spi.StorageProviderContract {
        @Override
        protected StorageProvider provider() {
            return tier;
        }
    }

    static List<String> keys() {
        return admin.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }

    static List<MultipartUpload> uploads() {
        return admin.listMultipartUploads(b -> b.bucket(BUCKET)).uploads();
    }

    @Test
    void smallObjectIsOnePutVisibleOnlyAfterCommit() throws Exception {
        byte[] data = TestData.bytes(100_000, 11);
        PendingWrite w = tier.create("small");
        w.stream().write(data);
        assertFalse(tier.exists("small"), "nothing sent before commit");
        assertFalse(keys().contains("archive/small"));
        w.commit();
        assertTrue(tier.exists("small"));
        assertTrue(keys().contains("archive/small"));
        assertEquals(data.length, admin.headObject(b -> b.bucket(BUCKET).key("archive/small")).contentLength());
        assertArrayEquals(data, TestData.readAll(tier.read("small")));
    }

    @Test
    void largeObjectStreamsAsMultipartAndIsVisibleOnlyWhenCompleted() throws Exception {
        byte[] data = TestData.bytes(2 * PART + 1234, 12);
        DigestingStorage storage = new DigestingStorage(tier);
        try (DigestingStorage.DigestedWrite w = storage.create("large")) {
            OutputStream out = w.stream();
            for (int off = 0; off < data.length; off += 100_000) {
                out.write(data, off, Math.min(100_000, data.length - off));
            }
            // two parts are already on the server, as an incomplete upload, not as an object
            assertEquals(1, uploads().stream().filter(u -> u.key().equals("archive/large")).count());
            assertFalse(tier.exists("large"));
            StoredObject stored = w.commit();
            assertEquals(new StoredObject("large", data.length, new Sha256(TestData.sha256Hex(data))), stored);
            assertArrayEquals(data, TestData.readAll(storage.readVerified(stored)));
        }
        assertTrue(uploads().stream().noneMatch(u -> u.key().equals("archive/large")));
        String etag = admin.headObject(b -> b.bucket(BUCKET).key("archive/large")).eTag();
        assertTrue(etag.endsWith("-3\""), "a three-part upload's ETag: " + etag);
    }

    @Test
    void revokedMultipartUploadIsAbortedAndLeavesNothing() throws Exception {
        PendingWrite w = tier.create("revoked");
        w.stream().write(TestData.bytes(PART + 10, 13));
        assertEquals(1, uploads().stream().filter(u -> u.key().equals("archive/revoked")).count());
        w.revoke();
        assertTrue(uploads().stream().noneMatch(u -> u.key().equals("archive/revoked")));
        assertFalse(tier.exists("revoked"));
        assertFalse(keys().contains("archive/revoked"));

        try (PendingWrite small = tier.create("closed")) {
            small.stream().write(1);
        }
        assertFalse(tier.exists("closed"));
    }

    @Test
    void uploadAbandonedByACrashIsNeverVisibleAndIsAbortedLater() throws Exception {
        // a writer that dies mid-upload: neither commit nor revoke, its client gone
        S3StorageProvider crashing = new S3StorageProvider(tier.config());
        PendingWrite w = crashing.create("crashed");
        w.stream().write(TestData.bytes(PART + 100, 17));
        crashing.close();

        assertFalse(tier.exists("crashed"));
        assertThrows(NoSuchFileException.class, () -> tier.read("crashed"));
        assertEquals(1, uploads().stream().filter(u -> u.key().equals("archive/crashed")).count());
        assertEquals(0, tier.abortIncompleteUploads(java.time.Instant.now().minusSeconds(3600)), "too young");
        assertTrue(tier.abortIncompleteUploads(java.time.Instant.now().plusSeconds(60)) >= 1);
        assertTrue(uploads().stream().noneMatch(u -> u.key().equals("archive/crashed")));
        assertFalse(tier.exists("crashed"));
    }

    @Test
    void readRangeUsesHttpRange() throws Exception {
        byte[] data = TestData.bytes(50_000, 14);
        new DigestingStorage(tier).store("ranged", new ByteArrayInputStream(data));
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 1100), TestData.readAll(tier.readRange("ranged", 1000, 100)));
        assertArrayEquals(Arrays.copyOfRange(data, 49_990, 50_000), TestData.readAll(tier.readRange("ranged", 49_990, 100)));
        assertArrayEquals(Arrays.copyOfRange(data, 7, 50_000), TestData.readAll(tier.readRange("ranged", 7, Long.MAX_VALUE)));
        assertThrows(EOFException.class, () -> tier.readRange("ranged", 50_000, 10));
        assertEquals(0, TestData.readAll(tier.readRange("ranged", 10, 0)).length);
        assertThrows(NoSuchFileException.class, () -> tier.readRange("absent", 10, 0));
    }

    @Test
    void missingExistingAndDeletedObjects() throws Exception {
        assertThrows(NoSuchFileException.class, () -> tier.read("missing"));
        assertFalse(tier.exists("missing"));
        tier.delete("missing");

        new DigestingStorage(tier).store("dup", new ByteArrayInputStream(new byte[] {1}));
        assertThrows(FileAlreadyExistsException.class, () -> tier.create("dup"));
        tier.delete("dup");
        assertFalse(tier.exists("dup"));
        assertThrows(IllegalArgumentException.class, () -> tier.create("../x"));
        assertEquals(Long.MAX_VALUE, tier.usableSpace());
    }

    @Test
    void objectChangedInTheStoreIsDetectedByTheVerifyingRead() throws Exception {
        DigestingStorage storage = new DigestingStorage(tier);
        StoredObject stored = storage.store("tampered", new ByteArrayInputStream(TestData.bytes(4096, 15)));
        byte[] other = TestData.bytes(4096, 16);
        admin.putObject(b -> b.bucket(BUCKET).key("archive/tampered"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(other));
        try (InputStream in = storage.readVerified(stored)) {
            assertThrows(DigestMismatchException.class, in::readAllBytes);
        }
    }

    @Test
    void openedByUriSchemeThroughServiceLoader() throws Exception {
        try (StorageProvider p = StorageProviders.open(java.net.URI.create("s3://" + BUCKET + "/other/"),
                TierConfig.of(Map.of("endpoint", server.endpoint().toString(),
                        "accessKeyId", "local-identity", "secretAccessKey", "local-credential")))) {
            assertInstanceOf(S3StorageProvider.class, p);
            assertEquals("s3", p.scheme());
            new DigestingStorage(p).store("via-factory", new ByteArrayInputStream(new byte[] {9}));
            assertTrue(keys().contains("other/via-factory"));
        }
        try (StorageProvider p = StorageProviders.open(java.net.URI.create("s3://" + BUCKET + "/other/"),
                TierConfig.of(Map.of("endpoint", server.endpoint().toString(),
                        "accessKeyId", "local-identity", "secretAccessKey", "wrong")))) {
            IOException e = assertThrows(IOException.class, () -> p.read("via-factory"));
            assertFalse(e instanceof NoSuchFileException, "bad credentials are not a missing object");
        }
        assertTrue(Files.isDirectory(work.resolve("s3-data").resolve(BUCKET)), "the filesystem backend holds the bucket");
    }

    @Test
    void anUploadCarryingTheExpectedSha256IsCheckedByTheStore() throws Exception {
        byte[] data = TestData.bytes(512 * 1024, 21);
        StoredObject expected = digestOf("checked", data);
        try (PendingWrite w = tier.create("checked")) {
            assertTrue(w.expect(expected.size(), expected.sha256()), "one PUT: the store checks the digest");
            w.stream().write(data);
            w.commit();
        }
        assertArrayEquals(data, readAll("checked"));
    }

    @Test
    void theStoreRefusesAnUploadWhoseBytesDifferFromTheExpectedSha256() throws Exception {
        byte[] data = TestData.bytes(512 * 1024, 22);
        StoredObject expected = digestOf("refused", data);
        byte[] corrupted = data.clone();
        corrupted[1000] ^= 0x01; // one bit flipped on the way: same size, other digest
        try (PendingWrite w = tier.create("refused")) {
            assertTrue(w.expect(expected.size(), expected.sha256()));
            w.stream().write(corrupted);
            IOException e = assertThrows(IOException.class, w::commit);
            assertTrue(e.getMessage().contains("BadDigest"), e.getMessage());
        }
        assertFalse(tier.exists("refused"), "nothing stored under the id");
        assertFalse(keys().contains("archive/refused"));
        try (PendingWrite w = tier.create("refused")) {
            assertTrue(w.expect(expected.size(), expected.sha256()));
            w.stream().write(data, 0, data.length - 1); // one byte short
            assertThrows(IOException.class, w::commit);
        }
        assertFalse(tier.exists("refused"));
    }

    @Test
    void moreBytesThanExpectedFailTheWriteAtOnce() throws Exception {
        byte[] data = TestData.bytes(1000, 23);
        StoredObject expected = digestOf("too-long", data);
        try (PendingWrite w = tier.create("too-long")) {
            assertTrue(w.expect(expected.size(), expected.sha256()));
            w.stream().write(data);
            assertThrows(IOException.class, () -> w.stream().write(new byte[] {1}));
        }
        assertFalse(tier.exists("too-long"));
    }

    @Test
    void anObjectLargerThanOnePartIsNotCheckedByTheStore() throws Exception {
        try (PendingWrite w = tier.create("multipart-unchecked")) {
            assertFalse(w.expect(PART + 1L, Sha256.of(new byte[32])),
                    "S3 has no whole-object SHA-256 for multipart uploads: the caller must read back");
        }
    }

    @Test
    void aCopyToTheStoreIsCheckedByItWithoutReadingBack() throws Exception {
        org.strata.hsm.mem.InMemoryStorageProvider disk = new org.strata.hsm.mem.InMemoryStorageProvider();
        List<StoredObject> objects = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            objects.add(new DigestingStorage(disk).store("copy-" + i, new ByteArrayInputStream(TestData.bytes(300_000 + i, 30 + i))));
        }
        // an earlier attempt's leftover under one id (other bytes): a retried copy replaces it
        try (StorageProvider.PendingWrite w = tier.create("copy-4")) {
            w.stream().write(new byte[] {1, 2, 3});
            w.commit();
        }
        CountingReads target = new CountingReads(tier);
        new org.strata.hsm.migrate.ObjectCopier(disk, target).copy(objects);
        assertEquals(0, target.reads.get(), "no read-back: the store checked each upload's SHA-256");
        assertEquals(0, target.asks.get(), "no HEAD before a PUT: one request per object");
        assertEquals(objects.size(), target.replacing.get());
        for (StoredObject o : objects) {
            try (InputStream in = disk.read(o.id())) {
                assertArrayEquals(in.readAllBytes(), readAll(o.id()));
            }
        }
    }

    @Test
    void aCorruptSourceIsRefusedByTheStoreAndBlamedOnTheSource() throws Exception {
        org.strata.hsm.mem.InMemoryStorageProvider disk = new org.strata.hsm.mem.InMemoryStorageProvider();
        StoredObject good = new DigestingStorage(disk).store("rotten", new ByteArrayInputStream(TestData.bytes(200_000, 40)));
        byte[] rotten = TestData.bytes(200_000, 40);
        rotten[7] ^= 0x40;
        disk.delete("rotten");
        new DigestingStorage(disk).store("rotten", new ByteArrayInputStream(rotten)); // bit rot on the source
        org.strata.hsm.migrate.ObjectCopier copier = new org.strata.hsm.migrate.ObjectCopier(disk, tier);
        DigestMismatchException e = assertThrows(DigestMismatchException.class, () -> copier.copy(List.of(good)));
        assertEquals("rotten", e.expected().id());
        assertTrue(Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().contains("BadDigest")),
                "the store refused the upload first");
        assertFalse(tier.exists("rotten"), "the corrupt bytes were not stored");
    }

    private static StoredObject digestOf(String id, byte[] data) {
        return new StoredObject(id, data.length, Sha256.of(Sha256.newDigest().digest(data)));
    }

    private static byte[] readAll(String id) throws IOException {
        try (InputStream in = tier.read(id)) {
            return in.readAllBytes();
        }
    }

    /** The tier, counting the reads made through it. */
    private static final class CountingReads implements StorageProvider {
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        /** exists and create (which asks the store first) */
        final java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger replacing = new java.util.concurrent.atomic.AtomicInteger();
        private final StorageProvider tier;

        CountingReads(StorageProvider tier) {
            this.tier = tier;
        }

        @Override
        public String scheme() {
            return tier.scheme();
        }

        @Override
        public java.net.URI location() {
            return tier.location();
        }

        @Override
        public PendingWrite create(String id) throws IOException {
            asks.incrementAndGet();
            return tier.create(id);
        }

        @Override
        public java.util.Optional<PendingWrite> createOrReplace(String id) throws IOException {
            replacing.incrementAndGet();
            return tier.createOrReplace(id);
        }

        @Override
        public InputStream read(String id) throws IOException {
            reads.incrementAndGet();
            return tier.read(id);
        }

        @Override
        public InputStream readRange(String id, long offset, long length) throws IOException {
            reads.incrementAndGet();
            return tier.readRange(id, offset, length);
        }

        @Override
        public boolean exists(String id) throws IOException {
            asks.incrementAndGet();
            return tier.exists(id);
        }

        @Override
        public void delete(String id) throws IOException {
            tier.delete(id);
        }

        @Override
        public long usableSpace() throws IOException {
            return tier.usableSpace();
        }
    }
}
