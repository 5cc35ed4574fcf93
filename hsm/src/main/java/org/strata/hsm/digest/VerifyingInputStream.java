package org.strata.hsm.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Digests the bytes as they are read and, at end of stream, compares size and SHA-256 with the
 * expected ones, throwing {@link DigestMismatchException} instead of reporting end of stream.
 * More bytes than expected fail as soon as they arrive. A reader that closes before the end
 * gets no verdict.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final StoredObject expected;
    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, StoredObject expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
        } else {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else {
            digest.update(b, off, n);
            counted(n);
        }
        return n;
    }

    /** Skipping would bypass the digest: bytes are read and digested instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(int n) throws DigestMismatchException {
        count += n;
        if (count > expected.size()) {
            throw new DigestMismatchException(expected, count, null);
        }
    }

    private void atEnd() throws DigestMismatchException {
        if (verified) {
            return;
        }
        Sha256 actual = Sha256.of(digest);
        verified = true;
        if (count != expected.size() || !actual.equals(expected.sha256())) {
            throw new DigestMismatchException(expected, count, actual);
        }
    }
}
