package org.strata.hsm.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file system of a disk tier, as configured.
 *
 * @param path         the root directory (made absolute and normalised)
 * @param initialState the state the tier starts with; change it at run time with
 *                     {@link FileStorageProvider#setState(Path, RootState)}
 * @param minFreeBytes the root is not chosen for new objects once its usable space is at or
 *                     below this watermark
 */
public record FileRoot(Path path, RootState initialState, long minFreeBytes) {

    public FileRoot {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        Objects.requireNonNull(initialState, "initialState");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("negative minFreeBytes " + minFreeBytes);
        }
    }

    public static FileRoot readWrite(Path path) {
        return new FileRoot(path, RootState.READ_WRITE, 0);
    }
}
