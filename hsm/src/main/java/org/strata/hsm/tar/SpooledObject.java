package org.strata.hsm.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.strata.hsm.digest.Sha256;

/** An object staged in the spool, ready to be appended to a volume. */
record SpooledObject(String id, Path file, long size, Sha256 sha256) implements VolumeEntrySource {

    SpooledObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    @Override
    public Optional<Path> localFile() {
        return Optional.of(file);
    }

    @Override
    public void discard() throws IOException {
        Files.deleteIfExists(file);
    }
}
