package org.strata.hsm.digest;

import java.io.IOException;

/** The bytes read back are not the bytes written: size or SHA-256 differ from the expected ones. */
public class DigestMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final StoredObject expected;
    private final long actualSize;
    private final transient Sha256 actualSha256;

    /**
     * @param actualSha256 null when the size already differed and the digest was not finished
     */
    public DigestMismatchException(StoredObject expected, long actualSize, Sha256 actualSha256) {
        super("Object " + expected.id() + " is corrupt: expected " + expected.size() + " bytes, "
                + expected.sha256() + "; read " + (actualSha256 == null ? "more than " : "")
                + actualSize + " bytes" + (actualSha256 == null ? "" : ", " + actualSha256));
        this.expected = expected;
        this.actualSize = actualSize;
        this.actualSha256 = actualSha256;
    }

    public StoredObject expected() {
        return expected;
    }

    public long actualSize() {
        return actualSize;
    }

    /** The digest of what was read, or null when reading stopped at an oversize. */
    public Sha256 actualSha256() {
        return actualSha256;
    }
}
