package org.strata.hsm.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.strata.hsm.digest.Sha256;

/**
 * An object appended straight from its source stream, no spool copy: its size and SHA-256 are
 * known (recorded at ingest), so the TAR header can be written first. The source need not verify
 * itself: {@link TarStorageProvider#appendStreamed} reads the batch back and checks every entry
 * against this size and SHA-256 before recording it; when the bytes differ the append fails and
 * the volume is cut back to where the batch began.
 */
public record StreamedObject(String id, long size, Sha256 sha256, Source source) implements VolumeEntrySource {

    /** Opens the object's bytes. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public StreamedObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = source.open()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
    }
}
