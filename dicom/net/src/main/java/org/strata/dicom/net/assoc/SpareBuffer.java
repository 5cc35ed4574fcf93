package org.strata.dicom.net.assoc;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One array kept for reuse: the P-DATA-TF buffers of an association are as large as the peer's
 * maximum PDU (up to 1 MiB) or a write batch (256 KiB), and allocating them for every message made
 * the sender collect garbage every few hundred instances.
 */
final class SpareBuffer {

    private final AtomicReference<byte[]> spare = new AtomicReference<>();

    /** The kept array if it has exactly {@code size} bytes, otherwise a new one. */
    byte[] take(int size) {
        byte[] b = spare.getAndSet(null);
        return b != null && b.length == size ? b : new byte[size];
    }

    /** Keeps {@code b} for the next {@link #take}; the caller must not use it any more. */
    void give(byte[] b) {
        spare.set(b);
    }
}
