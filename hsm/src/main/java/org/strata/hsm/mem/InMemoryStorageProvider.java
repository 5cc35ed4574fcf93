package org.strata.hsm.mem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.strata.hsm.spi.ObjectIds;
import org.strata.hsm.spi.StorageProvider;

/**
 * A tier in the heap, for tests of the layers above (the policy engine, the archive). Follows
 * the SPI's rules like the real tiers (the same contract test runs against it). Deliberately
 * not registered with {@link java.util.ServiceLoader}: it cannot be configured as a real tier.
 */
public final class InMemoryStorageProvider implements StorageProvider {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "mem";
    }

    @Override
    public URI location() {
        return URI.create("mem:" + Integer.toHexString(System.identityHashCode(this)));
    }

    @Override
    public PendingWrite create(String id) throws IOException {
        if (exists(id)) {
            throw new FileAlreadyExistsException(id);
        }
        return new PendingWrite() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private String state = "open";

            @Override
            public synchronized OutputStream stream() {
                requireOpen();
                return bytes;
            }

            @Override
            public synchronized void commit() throws IOException {
                requireOpen();
                state = "committed";
                if (objects.putIfAbsent(id, bytes.toByteArray()) != null) {
                    state = "revoked";
                    throw new FileAlreadyExistsException(id);
                }
            }

            @Override
            public synchronized void revoke() {
                if (state.equals("committed")) {
                    throw new IllegalStateException("Already committed: " + id);
                }
                state = "revoked";
            }

            @Override
            public synchronized void close() {
                if (state.equals("open")) {
                    revoke();
                }
            }

            private void requireOpen() {
                if (!state.equals("open")) {
                    throw new IllegalStateException("Write of " + id + " already " + state);
                }
            }
        };
    }

    @Override
    public InputStream read(String id) throws IOException {
        return new ByteArrayInputStream(require(id));
    }

    @Override
    public InputStream readRange(String id, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        byte[] b = require(id);
        if (length > 0 && offset >= b.length) {
            throw new EOFException("Range starts at " + offset + ", object " + id + " has " + b.length + " bytes");
        }
        int from = (int) Math.min(offset, b.length);
        return new ByteArrayInputStream(b, from, (int) Math.min(length, b.length - from));
    }

    @Override
    public boolean exists(String id) {
        return objects.containsKey(ObjectIds.validate(id));
    }

    @Override
    public void delete(String id) {
        objects.remove(ObjectIds.validate(id));
    }

    @Override
    public long usableSpace() {
        return Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
    }

    private byte[] require(String id) throws NoSuchFileException {
        byte[] b = objects.get(ObjectIds.validate(id));
        if (b == null) {
            throw new NoSuchFileException(id);
        }
        return b;
    }
}
