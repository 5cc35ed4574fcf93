package org.strata.hsm.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
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
 * another, reading the source verified, then reads every copy back and checks size and SHA-256
 * again. Idempotent: an object already on the target is kept when it verifies and rewritten when
 * it does not (a copy torn by a crash). Copies to a tape tier go as one batch onto one volume,
 * appended straight from the source streams, so a study is recalled with one mount.
 */
public final class ObjectCopier {

    private final StorageProvider source;
    private final StorageProvider target;

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
     * copy, reading the source verified. {@link #verifyAll} then reads the copies back.
     */
    public void write(List<StoredObject> objects) throws IOException {
        List<StoredObject> missing = new ArrayList<>();
        for (StoredObject o : objects) {
            if (!target.exists(o.id())) {
                missing.add(o);
            } else if (!verifies(target, o)) {
                target.delete(o.id());
                missing.add(o);
            }
        }
        if (target instanceof TarStorageProvider tape && fitsOneVolume(tape, missing)) {
            writeBatch(tape, missing);
        } else {
            for (StoredObject o : missing) {
                try (PendingWrite w = target.create(o.id())) {
                    write(o, w);
                    w.commit();
                }
            }
        }
    }

    /**
     * The read-back: every object's copy on the target matches its size and SHA-256, or this
     * throws. On tape, one forward pass per volume.
     */
    public void verifyAll(List<StoredObject> objects) throws IOException {
        if (target instanceof TarStorageProvider tape) {
            tape.verify(objects);
            return;
        }
        for (StoredObject o : objects) {
            verify(target, o);
        }
    }

    /** One batch appended to one volume straight from the source streams, each read verified (no spool copy). */
    private void writeBatch(TarStorageProvider tape, List<StoredObject> objects) throws IOException {
        if (objects.isEmpty()) {
            return;
        }
        DigestingStorage verified = new DigestingStorage(source);
        tape.appendStreamed(objects.stream().map(o -> new StreamedObject(o.id(), o.size(), o.sha256(),
                () -> verified.readVerified(o))).toList());
    }

    /**
     * Streams the source into the pending write, verified: a source that differs from its
     * recorded size and digest throws at its end, before the caller commits.
     */
    private void write(StoredObject o, PendingWrite w) throws IOException {
        try (InputStream in = new DigestingStorage(source).readVerified(o)) {
            in.transferTo(w.stream());
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
