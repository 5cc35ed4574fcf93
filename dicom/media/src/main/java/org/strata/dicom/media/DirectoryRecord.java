package org.strata.dicom.media;

import java.util.List;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * A directory record as read from a DICOMDIR, with the records of its lower-level entity.
 *
 * @param offset byte offset of the record's Item tag in the DICOMDIR
 * @param attributes the record item (keys, references, linkage elements)
 */
public record DirectoryRecord(long offset, Attributes attributes, List<DirectoryRecord> children) {

    /** Directory Record Type (0004,1430). */
    public String type() {
        return attributes.getString(Tag.DirectoryRecordType, "").trim();
    }

    /** Referenced File ID (0004,1500), or {@code null} when the record references no file. */
    public FileId fileId() {
        String[] v = attributes.getStrings(Tag.ReferencedFileID);
        if (v == null || v.length == 0) {
            return null;
        }
        String[] trimmed = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            trimmed[i] = v[i].trim();
        }
        return FileId.of(trimmed);
    }

    /** A string key of this record, trimmed, or "" when absent. */
    public String key(int tag) {
        return attributes.getString(tag, "").trim();
    }
}
