package org.strata.dicom.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;

/** Reads the files named on a command line, turning every failure into one clear message. */
final class DicomInputs {

    /** Values above this many bytes are not printed inline by json/xml (left as BulkDataURI). */
    static final long BULK_DATA_THRESHOLD = 1024;

    private DicomInputs() {
    }

    /** Reads a file; binary values over 1 KiB stay in the file as bulk data references. */
    static DicomFile read(String name) throws IOException {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(name, null, "no such file");
        }
        return Part10Reader.read(path, ReadOptions.builder()
                .bulkData(ReadOptions.BulkDataSelector.largerThan(BULK_DATA_THRESHOLD)).build());
    }

    /** One line: {@code FILE: what went wrong}. */
    static String describe(String name, Exception e) {
        String message = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
        return name + ": " + (message == null ? e.getClass().getSimpleName() : message.replace('\n', ' '));
    }
}
