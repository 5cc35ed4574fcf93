package org.strata.hsm.tar;

import java.nio.file.Path;
import java.util.Objects;

import org.strata.hsm.digest.Sha256;

/** An object staged in the spool, ready to be appended to a volume. */
record SpooledObject(String id, Path file, long size, Sha256 sha256) {

    SpooledObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Upper bound of the bytes the entry takes on a volume: a 512-byte header, a PAX extended
     * header (header block plus records, one block is enough for a 200-character id and a
     * big size) when the name or the size does not fit ustar, and the data padded to 512.
     * (Modification times are written in whole seconds, which never need a PAX header.)
     */
    long reservedBytes() {
        boolean pax = id.length() >= 100 || size > 077777777777L;
        return 512 + (pax ? 1024 : 0) + (size + 511) / 512 * 512;
    }
}
