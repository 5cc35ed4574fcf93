package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.Path;

/** An instance's transfer syntax is not allowed by the application profile and cannot be converted. */
public final class UnsupportedTransferSyntaxException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String transferSyntaxUid;

    public UnsupportedTransferSyntaxException(Path file, String transferSyntaxUid, String message) {
        super(file + ": " + message);
        this.file = file;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public Path file() {
        return file;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
