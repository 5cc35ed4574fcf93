package org.strata.hsm.tar;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.strata.hsm.digest.DigestingOutputStream;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/**
 * A pending write to the tape tier: the bytes are staged in a spool file (counted and digested
 * on the way) because a TAR header carries the size before the data. Commit hands the staged
 * object to a {@link Target}: the tier appends it at once, a {@link TarBatch} keeps it for the
 * batch. Revoke deletes the spool file.
 */
final class SpoolWrite implements PendingWrite {

    /** Receives a staged object at commit, or hears that the write was given up. */
    interface Target {
        /** Takes over the spool file; when it throws, the write is revoked. */
        void spooled(SpooledObject object) throws IOException;

        void abandoned(String id);
    }

    private enum State { OPEN, COMMITTED, REVOKED }

    private final String id;
    private final Path file;
    private final Target target;
    private final DigestingOutputStream digesting;
    private final OutputStream stream;
    private State state = State.OPEN;

    SpoolWrite(Path spool, String id, Target target) throws IOException {
        this.id = id;
        this.target = target;
        this.file = spool.resolve("." + id + "." + UUID.randomUUID() + ".spool");
        this.digesting = new DigestingOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 65536));
        this.stream = new FilterOutputStream(digesting) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // the caller closing its stream is not a commit
            }
        };
    }

    @Override
    public synchronized OutputStream stream() {
        requireOpen();
        return stream;
    }

    @Override
    public synchronized void commit() throws IOException {
        requireOpen();
        try {
            digesting.close();
            state = State.COMMITTED;
            target.spooled(new SpooledObject(id, file, digesting.count(), digesting.finish()));
        } catch (IOException | RuntimeException e) {
            state = State.REVOKED;
            discard(e);
            throw e;
        }
    }

    @Override
    public synchronized void revoke() throws IOException {
        if (state == State.COMMITTED) {
            throw new IllegalStateException("Already committed: " + id);
        }
        if (state == State.REVOKED) {
            return;
        }
        state = State.REVOKED;
        try {
            digesting.close();
            Files.deleteIfExists(file);
        } finally {
            target.abandoned(id);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (state == State.OPEN) {
            revoke();
        }
    }

    private void discard(Exception cause) {
        try {
            digesting.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        } finally {
            target.abandoned(id);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Write of " + id + " already " + state.name().toLowerCase());
        }
    }
}
