package org.strata.dicom.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a File-Set Reader is pointed at, opened as a folder to plan from (PS3.10 8, PS3.12): a
 * folder, a DICOMDIR (its folder), an ISO 9660 image (extracted with xorriso), a ZIP (unpacked
 * without trusting its names or sizes) or a dcm4chee 2.x TAR volume (unpacked, each file checked
 * against the volume's MD5SUM). Shared by {@code ./strata dicom import} and the server's import.
 *
 * @param root the folder to plan from
 * @param kind what the input was
 * @param errors one line per entry refused while unpacking
 */
public record MediaInput(Path root, Kind kind, List<String> errors) {

    /** The kinds of input. */
    public enum Kind {
        FOLDER, DICOMDIR, ISO, ZIP, TAR;

        /** Whether the input is unpacked into a work folder. */
        public boolean unpacked() {
            return this == ISO || this == ZIP || this == TAR;
        }
    }

    /** Thrown for an input that is none of the kinds. */
    public static final class UnknownInputException extends IOException {
        private static final long serialVersionUID = 1L;

        UnknownInputException(Path input) {
            super(input + " is not a folder, DICOMDIR, ISO 9660 image, ZIP or TAR volume");
        }
    }

    /** The kind of {@code input}, read from its name and first bytes. */
    public static Kind kindOf(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return Kind.FOLDER;
        }
        if (!Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString());
        }
        if (input.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("DICOMDIR")) {
            return Kind.DICOMDIR;
        }
        if (isZip(input)) {
            return Kind.ZIP;
        }
        if (TarVolume.isTar(input)) {
            return Kind.TAR;
        }
        if (IsoExtract.isIso(input)) {
            return Kind.ISO;
        }
        throw new UnknownInputException(input);
    }

    /**
     * Opens {@code input}; an image or archive is unpacked into {@code work} (an empty folder the
     * caller removes afterwards), at most {@code maxBytes} of it.
     */
    public static MediaInput open(Path input, Path work, long maxBytes) throws IOException {
        Kind kind = kindOf(input);
        List<String> errors = new ArrayList<>();
        Path root = switch (kind) {
            case FOLDER -> input;
            case DICOMDIR -> input.toAbsolutePath().getParent();
            case ZIP -> {
                errors.addAll(SafeUnzip.extract(input, work, maxBytes));
                yield work;
            }
            case TAR -> {
                errors.addAll(TarVolume.extract(input, work, maxBytes));
                yield work;
            }
            case ISO -> {
                IsoExtract.extract(input, work);
                yield work;
            }
        };
        return new MediaInput(root, kind, List.copyOf(errors));
    }

    private static boolean isZip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
        }
    }
}
