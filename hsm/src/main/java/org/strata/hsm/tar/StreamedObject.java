package org.strata.hsm.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.strata.hsm.digest.Sha256;

/**
 * An object appended straight from its source, no spool copy: its size and SHA-256 are known
 * (recorded at ingest), so the TAR header can be written first. When the source tier keeps the
 * object as a local file ({@code localFile}), the volume copies it in the kernel; otherwise from
 * the stream. The source need not verify itself: {@link TarStorageProvider#appendStreamed} reads
 * the batch back and checks every entry against this size and SHA-256 before recording it; when
 * the bytes differ the append fails and the volume is cut back to where the batch began.
 */
public record StreamedObject(String id, long size, Sha256 sha256, Source source, Optional<Path> localFile)
        implements VolumeEntrySource {

    /** Opens the object's bytes. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public StreamedObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(localFile, "localFile");
    }

    /** An object whose bytes come from a stream only. */
    public StreamedObject(String id, long size, Sha256 sha256, Source source) {
        this(id, size, sha256, source, Optional.empty());
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
