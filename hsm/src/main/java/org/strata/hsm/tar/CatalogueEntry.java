package org.strata.hsm.tar;

import java.util.Objects;

import org.strata.hsm.digest.Sha256;
import org.strata.hsm.digest.StoredObject;

/**
 * Where an object lies on tape: enough to read it with one seek, without scanning the volume.
 *
 * @param headerOffset where the object's TAR header (or its PAX extended header) starts
 * @param dataOffset   where its bytes start
 * @param size         its size in bytes
 * @param endOffset    where the next entry's header may start (after the padding)
 * @param sha256       digest of its bytes, computed while they were spooled
 */
public record CatalogueEntry(String id, String volume, long headerOffset, long dataOffset, long size,
                             long endOffset, Sha256 sha256) {

    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(sha256, "sha256");
        if (headerOffset < 0 || dataOffset <= headerOffset || size < 0 || endOffset < dataOffset + size) {
            throw new IllegalArgumentException("Inconsistent offsets: " + headerOffset + "/" + dataOffset
                    + "/" + size + "/" + endOffset);
        }
    }

    /** As the digest layer expects it, for a verifying read. */
    public StoredObject storedObject() {
        return new StoredObject(id, size, sha256);
    }
}
