package org.strata.hsm.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.strata.hsm.digest.Sha256;

/**
 * One object to append to a volume: its id, size and SHA-256 are known before its bytes are
 * written (a TAR header carries the size before the data), the bytes come from {@link #writeTo}.
 */
interface VolumeEntrySource {

    String id();

    long size();

    Sha256 sha256();

    /** Writes exactly {@link #size()} bytes whose SHA-256 is {@link #sha256()}, or throws. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * The bytes as a local file of exactly {@link #size()} bytes, when they are one: the volume
     * then copies them in the kernel ({@code sendfile}) instead of through {@link #writeTo}.
     */
    default Optional<Path> localFile() {
        return Optional.empty();
    }

    /** Releases what the object held (a spool file), whether it was appended or not. */
    default void discard() throws IOException {
    }

    /**
     * Upper bound of the bytes the entry takes on a volume: a 512-byte header, a PAX extended
     * header (header block plus records, one block is enough for a 200-character id and a
     * big size) when the name or the size does not fit ustar, and the data padded to 512.
     * (Modification times are written in whole seconds, which never need a PAX header.)
     */
    default long reservedBytes() {
        boolean pax = id().length() >= 100 || size() > 077777777777L;
        return 512 + (pax ? 1024 : 0) + (size() + 511) / 512 * 512;
    }
}
