package org.strata.hsm.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProvider.PendingWrite;
import org.strata.hsm.tar.StreamedObject;
import org.strata.hsm.tar.TarStorageProvider;
import org.strata.hsm.tar.TarTierConfig;

/**
 * The copy step of a migration: copies objects (whose size and digest are known) from one tier to
 * another, and checks every copy against the size and SHA-256 recorded at ingest — once per
 * byte, in one of three ways:
 * <ul>
 *   <li>tape: the batch goes onto one volume straight from the source streams, is read back in
 *       one forward pass and checked before it is recorded in the catalogue (a study is then
 *       recalled with one mount);</li>
 *   <li>a tier that checks what it receives ({@link PendingWrite#expect}, e.g. S3 verifying the
 *       {@code x-amz-checksum-sha256} sent with each PUT): the tier refuses bytes that differ, so
 *       nothing is read back (and with {@code createOrReplace}, nothing asked first either);</li>
 *   <li>any other tier: the source is read verified, and {@link #verifyAll} reads the copy back.</li>
 * </ul>
 * Objects of a batch go to a tier other than tape {@value #PARALLEL} at a time (an object
 * store's latency, not its bandwidth, bounds one upload at a time). Idempotent: on a tier that
 * checks what it receives and replaces atomically ({@link StorageProvider#createOrReplace}, an
 * object store) each object is one write, replacing whatever an earlier attempt left; on any
 * other tier an object already there is kept when it verifies and rewritten when it does not (a
 * copy torn by a crash).
 * A copy refused because its bytes differ is blamed on the source when the source does not
 * verify either.
 */
public final class ObjectCopier {

    /** Objects written at once to a tier other than tape. */
    public static final int PARALLEL = 4;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final StorageProvider source;
    private final StorageProvider target;
    /** Ids whose copy on the target was checked while it was written (or found and read back). */
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public ObjectCopier(StorageProvider source, StorageProvider target) {
        this.source = source;
        this.target = target;
    }

    /** Copies and verifies; returns when every object is on the target and verified. */
    public void copy(List<StoredObject> objects) throws IOException {
        write(objects);
        verifyAll(objects);
    }

    /**
     * The copy alone: writes (and commits) every object not already on the target with a good
     * copy. {@link #verifyAll} then checks the copies this did not check on the way.
     */
    public void write(List<StoredObject> objects) throws IOException {
        if (target instanceof TarStorageProvider tape) {
            List<StoredObject> missing = new ArrayList<>();
            for (StoredObject o : objects) {
                if (keepExisting(o)) {
                    continue;
                }
                missing.add(o);
            }
            if (fitsOneVolume(tape, missing)) {
                writeBatch(tape, missing);
                return;
            }
            for (StoredObject o : missing) {
                writeOne(o);
            }
            return;
        }
        inParallel(objects);
    }

    /**
     * The check of every copy not checked while written: reads it back and compares size and
     * SHA-256; this throws at the first that differs. On tape, one forward pass per volume.
     */
    public void verifyAll(List<StoredObject> objects) throws IOException {
        List<StoredObject> unchecked = objects.stream().filter(o -> !checked.contains(o.id())).toList();
        if (target instanceof TarStorageProvider tape) {
            tape.verify(unchecked);
            return;
        }
        for (StoredObject o : unchecked) {
            verify(target, o);
        }
    }

    private void inParallel(List<StoredObject> objects) throws IOException {
        if (objects.size() <= 1) {
            for (StoredObject o : objects) {
                copyOne(o);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, objects.size()), r -> {
            Thread t = new Thread(r, "strata-copy-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (StoredObject o : objects) {
                running.add(pool.submit(() -> {
                    try {
                        copyOne(o);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            IOException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    IOException io = e.getCause() instanceof UncheckedIOException u ? u.getCause()
                            : new IOException("copy failed: " + e.getCause(), e.getCause());
                    if (failure == null) {
                        failure = io;
                    } else {
                        failure.addSuppressed(io);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while copying", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One object. A tier that replaces atomically and checks what it receives gets one request:
     * the write, whether or not an earlier attempt left a copy (the new one replaces it as a
     * whole). Otherwise an existing copy is read back first and kept when good.
     */
    private void copyOne(StoredObject o) throws IOException {
        Optional<PendingWrite> replacing = target.createOrReplace(o.id());
        if (replacing.isPresent()) {
            try (PendingWrite w = replacing.get()) {
                if (w.expect(o.size(), o.sha256())) {
                    writeChecked(o, w);
                    return;
                }
            } // not checked by the target: revoked before anything was sent
        }
        if (!keepExisting(o)) {
            writeOne(o);
        }
    }

    /** True when the target holds a good copy (read back); a bad one is deleted. */
    private boolean keepExisting(StoredObject o) throws IOException {
        if (!target.exists(o.id())) {
            return false;
        }
        if (verifies(target, o)) {
            checked.add(o.id());
            return true;
        }
        target.delete(o.id());
        return false;
    }

    /**
     * One object: when the target checks what it receives, the source is streamed as it is and a
     * refusal is blamed on the source if the source does not verify; otherwise the source is read
     * verified (a source that differs from its recorded size and digest throws at its end,
     * before the commit) and the copy is read back later.
     */
    private void writeOne(StoredObject o) throws IOException {
        try (PendingWrite w = target.create(o.id())) {
            if (w.expect(o.size(), o.sha256())) {
                writeChecked(o, w);
                return;
            }
            try (InputStream in = new DigestingStorage(source).readVerified(o)) {
                in.transferTo(w.stream());
            }
            w.commit();
        }
    }

    /** Streams the source as it is into a write the target checks; a refusal is blamed on a bad source. */
    private void writeChecked(StoredObject o, PendingWrite w) throws IOException {
        try (InputStream in = source.read(o.id())) {
            in.transferTo(w.stream());
        }
        try {
            w.commit();
        } catch (IOException refused) {
            verifySourceOf(o, refused);
            throw refused;
        }
        checked.add(o.id());
    }

    private void verifySourceOf(StoredObject o, IOException refused) throws IOException {
        try {
            verify(source, o);
        } catch (DigestMismatchException bad) {
            bad.addSuppressed(refused);
            throw bad;
        } catch (IOException e) {
            refused.addSuppressed(e);
        }
    }

    /**
     * One batch appended to one volume straight from the source (no spool copy; in the kernel
     * when the source tier keeps objects as local files); the tape tier reads it back and
     * checks it before recording it.
     */
    private void writeBatch(TarStorageProvider tape, List<StoredObject> objects) throws IOException {
        if (objects.isEmpty()) {
            return;
        }
        try {
            List<StreamedObject> streamed = new ArrayList<>();
            for (StoredObject o : objects) {
                streamed.add(new StreamedObject(o.id(), o.size(), o.sha256(), () -> source.read(o.id()),
                        source.localFile(o.id())));
            }
            tape.appendStreamed(streamed);
        } catch (DigestMismatchException e) {
            verifySourceOf(e.expected(), e);
            throw e;
        }
        for (StoredObject o : objects) {
            checked.add(o.id());
        }
    }

    private static boolean fitsOneVolume(TarStorageProvider tape, List<StoredObject> objects) {
        long bytes = 0;
        for (StoredObject o : objects) {
            bytes += o.size() + 3 * 512; // header, PAX header, padding
        }
        return bytes <= tape.config().volumeCapacity() - TarTierConfig.MIN_CAPACITY;
    }

    /** Reads the copy on {@code tier} to the end: true when size and digest match. */
    public static boolean verifies(StorageProvider tier, StoredObject expected) throws IOException {
        try {
            verify(tier, expected);
            return true;
        } catch (DigestMismatchException e) {
            return false;
        }
    }

    /** Reads the copy on {@code tier} to the end; {@link DigestMismatchException} when it differs. */
    public static void verify(StorageProvider tier, StoredObject expected) throws IOException {
        try (InputStream in = new DigestingStorage(tier).readVerified(expected)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
