package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Converts an instance whose transfer syntax the application profile does not allow (the hook
 * for transcoding, PS3.11 D.3.2). Implementations write {@code target} themselves.
 */
@FunctionalInterface
public interface FileTransform {

    /**
     * Writes {@code source} (currently in {@code sourceTs}) to {@code target} in one of {@code allowed}.
     *
     * @return the UID of the transfer syntax written
     * @throws UnsupportedTransferSyntaxException when this transform cannot convert {@code sourceTs}
     */
    String transform(Path source, String sourceTs, Set<String> allowed, Path target) throws IOException;
}
