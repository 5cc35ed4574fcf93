package org.strata.dicom.media;

import java.nio.file.Path;
import java.util.List;

/**
 * A file-set written by {@link FileSetBuilder}.
 *
 * @param notes duplicates skipped and directory keys invented, one line each
 */
public record FileSet(Path root, Path dicomdir, ApplicationProfile profile, List<Entry> entries, List<String> notes) {

    /** One instance: where it came from, its File ID and the transfer syntax it was stored in. */
    public record Entry(Path source, FileId fileId, String transferSyntaxUid) {
    }
}
