package org.strata.dicom.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * A directory record and the records of the lower-level directory entity it points to (PS3.3 F.3.2.2).
 * The record holds Directory Record Type, the keys and any Referenced File ID / SOP references;
 * the offsets and the in-use flag are filled in by {@link DicomDirWriter}.
 */
public final class DirectoryNode {

    private final Attributes record;
    private final List<DirectoryNode> children = new ArrayList<>();

    public DirectoryNode(Attributes record) {
        this.record = record;
    }

    public Attributes record() {
        return record;
    }

    public String type() {
        return record.getString(Tag.DirectoryRecordType, "").trim();
    }

    public List<DirectoryNode> children() {
        return Collections.unmodifiableList(children);
    }

    public DirectoryNode add(DirectoryNode child) {
        children.add(child);
        return child;
    }
}
