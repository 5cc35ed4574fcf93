package org.strata.hsm.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import org.strata.hsm.spi.StorageProvider;

/**
 * The digest layer above any {@link StorageProvider}: every write is counted and digested with
 * SHA-256 on its way to the tier (one pass, no re-read) and the commit returns the
 * {@link StoredObject} (size and digest) for the archive to index; {@link #readVerified}
 * checks both again while the object is read back.
 */
public final class DigestingStorage {

    private final StorageProvider provider;

    public DigestingStorage(StorageProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public StorageProvider provider() {
        return provider;
    }

    /** Starts a digested write of a new object. */
    public DigestedWrite create(String id) throws IOException {
        return new DigestedWrite(id, provider.create(id));
    }

    /**
     * Opens an object whose size and digest were recorded at commit; reading to the end throws
     * {@link DigestMismatchException} when they differ.
     */
    public InputStream readVerified(StoredObject expected) throws IOException {
        return new VerifyingInputStream(provider.read(expected.id()), expected);
    }

    /**
     * Copies {@code in} into a new object and commits it: the common case in one call. On any
     * failure the write is revoked.
     */
    public StoredObject store(String id, InputStream in) throws IOException {
        try (DigestedWrite w = create(id)) {
            in.transferTo(w.stream());
            return w.commit();
        }
    }

    /** A two-phase write whose commit returns size and digest. Used by one thread at a time. */
    public static final class DigestedWrite implements AutoCloseable {

        private final String id;
        private final StorageProvider.PendingWrite pending;
        private DigestingOutputStream stream;

        DigestedWrite(String id, StorageProvider.PendingWrite pending) {
            this.id = id;
            this.pending = pending;
        }

        public OutputStream stream() throws IOException {
            if (stream == null) {
                stream = new DigestingOutputStream(pending.stream());
            }
            return stream;
        }

        /** Commits through the tier and returns what was stored. */
        public StoredObject commit() throws IOException {
            DigestingOutputStream s = (DigestingOutputStream) stream();
            s.flush();
            pending.commit();
            return new StoredObject(id, s.count(), s.finish());
        }

        /**
         * Commits through the tier, leaving to the caller the syncs that make the new name
         * durable (group commit): they are added to {@code syncs}.
         */
        public StoredObject commitDeferringSync(java.util.Collection<org.strata.hsm.spi.DeferredSync> syncs)
                throws IOException {
            DigestingOutputStream s = (DigestingOutputStream) stream();
            s.flush();
            syncs.addAll(pending.commitDeferringSync());
            return new StoredObject(id, s.count(), s.finish());
        }

        public void revoke() throws IOException {
            pending.revoke();
        }

        @Override
        public void close() throws IOException {
            pending.close();
        }
    }
}
