package org.strata.hsm.file;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.strata.hsm.spi.DeferredSync;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/**
 * Two-phase write of one file: bytes go to {@code .<id>.<random>.tmp} in the object's own
 * directory; commit renames it atomically to the id, forces the file
 * ({@code FileChannel.force(true)}) and forces the directory (or leaves that to the caller:
 * {@link #commitDeferringSync()}); revoke deletes the temporary file. A crash before the rename
 * leaves only a dot-file, which is never taken for an object; a crash after the rename but
 * before the commit returned leaves a name that no index refers to (the archive's online tier
 * deletes those at startup); a commit that fails after the rename deletes the name again.
 *
 * <p>Two processes writing the same id at once are not arbitrated here (the rename would let
 * the later one win): the archive allocates ids uniquely; the check at create and at commit
 * only catches reuse of an existing id.
 */
final class FilePendingWrite implements PendingWrite {

    private enum State { OPEN, COMMITTED, REVOKED }

    private final FileStorageProvider tier;
    private final String id;
    private final Path target;
    private final Path temp;
    private final List<Path> createdDirs;
    private final FileChannel channel;
    private final OutputStream stream;
    private State state = State.OPEN;

    FilePendingWrite(FileStorageProvider tier, String id, Path target, List<Path> createdDirs)
            throws IOException {
        this.tier = tier;
        this.id = id;
        this.target = target;
        this.createdDirs = createdDirs;
        this.temp = target.resolveSibling("." + id + "." + UUID.randomUUID() + ".tmp");
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // closing the caller's stream only flushes: the channel stays open until commit/revoke
        this.stream = new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 65536)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    Path temporaryFile() {
        return temp;
    }

    @Override
    public synchronized OutputStream stream() {
        requireOpen();
        return stream;
    }

    @Override
    public synchronized void commit() throws IOException {
        List<DeferredSync> syncs = commitDeferringSync();
        try {
            for (DeferredSync sync : syncs) {
                sync.sync();
            }
        } catch (IOException e) {
            // the rename is not durable: take the object back before reporting it
            try {
                Files.deleteIfExists(target);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
    }

    /** Renames the file and forces it; the directories to force are left to the caller. */
    @Override
    public synchronized List<DeferredSync> commitDeferringSync() throws IOException {
        requireOpen();
        try {
            stream.flush();
            tier.checkAbsent(id);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            revokeQuietly(e);
            throw e;
        }
        // renamed first, forced after: the force's journal commit carries the new directory entry
        // as well, so the directory forces that follow find nothing left to write (one journal
        // commit per object instead of two). Until the caller indexes the object nobody refers to
        // it: a crash in between leaves an unreferenced name, which the archive's startup
        // reconciliation deletes like any object renamed but never indexed.
        try {
            channel.force(true);
            channel.close();
            state = State.COMMITTED;
        } catch (IOException | RuntimeException e) {
            state = State.REVOKED;
            closeQuietly(e);
            try {
                Files.deleteIfExists(target);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        List<DeferredSync> syncs = new ArrayList<>(1 + createdDirs.size());
        syncs.add(new DirectorySync(target.getParent()));
        for (Path dir : createdDirs) {
            syncs.add(new DirectorySync(dir.getParent()));
        }
        return syncs;
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
            channel.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (state == State.OPEN) {
            revoke();
        }
    }

    private void revokeQuietly(Exception cause) {
        try {
            revoke();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void closeQuietly(Exception cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Write of " + id + " already " + state.name().toLowerCase());
        }
    }
}
