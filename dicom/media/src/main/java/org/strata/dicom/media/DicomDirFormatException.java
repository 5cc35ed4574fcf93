package org.strata.dicom.media;

import java.io.IOException;

/** A DICOMDIR whose record linkage (PS3.3 F.3.2.2) cannot be followed. */
public final class DicomDirFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** Not a DICOMDIR: no Directory Record Sequence, deflated, or no File Meta Information. */
        NOT_A_DICOMDIR,
        /** The file cannot be parsed (e.g. lengths running past the end of the file). */
        MALFORMED,
        /** The records could not be located in the file (encoding not reproducible). */
        UNLOCATABLE_RECORDS,
        /** An offset points before the Directory Record Sequence or beyond its end. */
        OFFSET_OUT_OF_RANGE,
        /** An offset points inside the sequence but not at a record's Item tag. */
        NOT_A_RECORD,
        /** A record is reached twice: the offsets form a loop or a shared subtree. */
        LOOP,
        /** A Referenced File ID (0004,1500) breaks PS3.10 8.2/8.5 (e.g. "..", lower case, too long). */
        INVALID_FILE_ID,
        /** Lower-level entities nest deeper than any PS3.3 F.4 hierarchy allows. */
        TOO_DEEP
    }

    private final Kind kind;
    private final long offset;

    public DicomDirFormatException(Kind kind, long offset, String message) {
        super(message + (offset >= 0 ? " (offset " + offset + ")" : ""));
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending offset, or -1. */
    public long offset() {
        return offset;
    }
}
