package org.strata.hsm.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one small storage SPI every tier implements (disk, object, tape), keyed by opaque ids —
 * never paths or DICOM UIDs. Writes are two-phase: {@link PendingWrite#commit()} makes the
 * object durable and visible, {@link PendingWrite#revoke()} leaves nothing behind.
 * Providers are chosen by the URI scheme of the tier ({@code file:}, {@code s3:}, {@code tar:})
 * through {@link StorageProviders#open(URI, TierConfig)}.
 *
 * <p>Ids must satisfy {@link ObjectIds#validate(String)}. A missing object is reported as
 * {@link java.nio.file.NoSuchFileException} by every tier; creating an id that already exists
 * as {@link java.nio.file.FileAlreadyExistsException}.
 */
public interface StorageProvider extends AutoCloseable {

    /** The URI scheme this provider serves, e.g. {@code file}. */
    String scheme();

    /** The tier's location, e.g. {@code file:/var/lib/strata/fs1}. */
    URI location();

    /** Starts writing a new object; nothing is visible until {@link PendingWrite#commit()}. */
    PendingWrite create(String id) throws IOException;

    /**
     * Starts a write that, once committed, replaces whatever object the id may already have,
     * without asking first: a copy retried after a crash, where an earlier attempt may or may
     * not have completed. Offered (present) only by tiers whose commit makes the new object
     * visible atomically, as a whole, so that no torn copy can ever be seen (an object store's
     * PUT); saves the existence check a {@link #create} makes. Empty by default.
     */
    default Optional<PendingWrite> createOrReplace(String id) throws IOException {
        return Optional.empty();
    }

    /** Opens an object for reading. */
    InputStream read(String id) throws IOException;

    /**
     * Opens the bytes {@code [offset, min(offset + length, size))} of an object. A range that
     * starts at or beyond the end of the object (with {@code length > 0}) is an
     * {@link java.io.EOFException}.
     */
    InputStream readRange(String id, long offset, long length) throws IOException;

    /**
     * The committed object as a local file, when the tier keeps it as one: a copy from it can
     * then be made by the kernel ({@code sendfile}) instead of through user-space buffers. Read
     * only. Empty by default.
     */
    default Optional<Path> localFile(String id) throws IOException {
        return Optional.empty();
    }

    boolean exists(String id) throws IOException;

    /** Deletes an object; deleting a missing object is not an error. */
    void delete(String id) throws IOException;

    /** Bytes still usable on this tier, or {@link Long#MAX_VALUE} if unbounded. */
    long usableSpace() throws IOException;

    @Override
    default void close() throws IOException {
    }

    /**
     * An object being written: stream the bytes, then commit or revoke exactly once. One thread
     * at a time uses a pending write.
     */
    interface PendingWrite extends AutoCloseable {

        /** The stream to write the object's bytes to; always the same stream. */
        OutputStream stream() throws IOException;

        /**
         * Makes the written bytes durable (fsync or equivalent) and visible under the id. When
         * it throws, nothing is visible under the id and the write is revoked.
         */
        void commit() throws IOException;

        /**
         * Like {@link #commit()}, except that what makes the new name durable (e.g. forcing its
         * directory) is returned instead of done: the object survives a crash only once every
         * returned sync has run. For group commit, where one sync serves many objects. When it
         * throws, nothing is visible under the id and the write is revoked. The default commits
         * fully and returns nothing to do.
         */
        default java.util.List<DeferredSync> commitDeferringSync() throws IOException {
            commit();
            return java.util.List.of();
        }

        /**
         * Announces the size and SHA-256 the bytes about to be written must have, before any is
         * written. Returns true when the tier itself checks them at {@link #commit()} and refuses
         * (throws, leaving nothing visible) bytes that differ — e.g. an object store verifying
         * the {@code x-amz-checksum-sha256} sent with the upload — so that reading the copy back
         * to check it is unnecessary. The default checks nothing and returns false.
         */
        default boolean expect(long size, org.strata.hsm.digest.Sha256 sha256) throws IOException {
            return false;
        }

        /** Discards the written bytes. */
        void revoke() throws IOException;

        /** Revokes unless committed. */
        @Override
        void close() throws IOException;
    }
}
