package org.strata.dicom.media;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A File ID (PS3.10 8.2, 8.5): 1 to 8 components, each 1 to 8 characters from A-Z, 0-9 and
 * underscore (the PS3.10 8.5 subset of the default character repertoire). In a DICOMDIR it is the
 * multi-valued CS Referenced File ID (0004,1500), one value per component; on a file system each
 * component is a directory level and the last one the file name.
 */
public record FileId(List<String> components) {

    /** PS3.10 8.2: at most eight levels. */
    public static final int MAX_COMPONENTS = 8;
    /** PS3.10 8.5: at most eight characters per component. */
    public static final int MAX_COMPONENT_LENGTH = 8;

    public FileId {
        components = List.copyOf(components);
        if (components.isEmpty() || components.size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("File ID needs 1 to 8 components: " + components);
        }
        for (String c : components) {
            if (!isValidComponent(c)) {
                throw new IllegalArgumentException("invalid File ID component \"" + c
                        + "\" (PS3.10 8.5: 1-8 of A-Z 0-9 _)");
            }
        }
    }

    public static FileId of(String... components) {
        return new FileId(Arrays.asList(components));
    }

    /** Parses {@code A/B/C} or the DICOM form {@code A\B\C}. */
    public static FileId parse(String text) {
        return new FileId(Arrays.asList(text.trim().split("[/\\\\]")));
    }

    public static boolean isValidComponent(String c) {
        if (c == null || c.isEmpty() || c.length() > MAX_COMPONENT_LENGTH) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The file this ID names below the file-set root {@code root}. */
    public Path resolve(Path root) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /** The values of Referenced File ID (0004,1500). */
    public String[] values() {
        return components.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}
