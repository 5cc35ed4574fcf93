package org.strata.dicom.media;

import java.util.List;
import java.util.function.Consumer;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * A DICOMDIR read by {@link DicomDirReader}: the header elements and the root directory entity.
 *
 * @param header the data set without its Directory Record Sequence
 */
public record DicomDirectory(Attributes fileMeta, Attributes header, List<DirectoryRecord> roots) {

    public String fileSetId() {
        return header.getString(Tag.FileSetID, "").trim();
    }

    /** Visits every record depth first, parents before children. */
    public void forEach(Consumer<DirectoryRecord> visitor) {
        roots.forEach(r -> visit(r, visitor));
    }

    private static void visit(DirectoryRecord r, Consumer<DirectoryRecord> visitor) {
        visitor.accept(r);
        r.children().forEach(c -> visit(c, visitor));
    }
}
