package org.strata.dicom.core.io;

import java.io.IOException;

import org.strata.dicom.core.Tags;

/**
 * The input is not a valid encoding: names the element and the byte offset (from the start of
 * the stream, or of the inflated stream for deflated syntaxes) where parsing failed.
 */
public class DicomParseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int tag;
    private final long offset;

    public DicomParseException(String message, int tag, long offset) {
        super(message + " at " + (tag == 0 ? "" : Tags.toString(tag) + ", ") + "offset " + offset);
        this.tag = tag;
        this.offset = offset;
    }

    public DicomParseException(String message, int tag, long offset, Throwable cause) {
        this(message, tag, offset);
        initCause(cause);
    }

    /** The tag being parsed, 0 if none. */
    public int tag() {
        return tag;
    }

    /** The byte offset where the problem was detected. */
    public long offset() {
        return offset;
    }
}
