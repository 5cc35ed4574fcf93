package org.strata.hsm.digest;

import java.util.Objects;

/** What a committed write produced: the object's id, its size in bytes and its SHA-256. */
public record StoredObject(String id, long size, Sha256 sha256) {

    public StoredObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }
}
