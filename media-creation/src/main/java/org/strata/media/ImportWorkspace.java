package org.strata.media;

import java.nio.file.Path;

/** Where an import unpacks an image or archive: {@code strata.data.dir/import/<job id>}. */
final class ImportWorkspace {

    private ImportWorkspace() {
    }

    static Path of(String jobId) {
        return Path.of(System.getProperty("strata.data.dir", "strata-data"), "import", jobId).toAbsolutePath();
    }
}
