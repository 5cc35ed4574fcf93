package org.strata.dicom.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a File-Set Reader imports from a folder (PS3.10 8, PS3.11 FSR role): the files its DICOMDIR
 * references, each with the SOP Instance UID its record names; a referenced file that is missing is
 * an error. Without a DICOMDIR, or with one that cannot be read (offsets pointing nowhere or in a
 * loop, illegal File IDs), every Part 10 file found in the tree, with that error reported.
 */
public record ImportPlan(List<Item> items, List<String> errors, boolean fromDicomdir) {

    /** A file to store and the SOP Instance UID its directory record names (null when walked). */
    public record Item(Path file, String expectedSopInstanceUid) {
    }

    public static ImportPlan of(Path root) throws IOException {
        List<String> errors = new ArrayList<>();
        Path dicomdir = findDicomdir(root);
        if (dicomdir != null) {
            try {
                FileSetReader fs = FileSetReader.open(dicomdir);
                List<Item> items = new ArrayList<>();
                for (FileSetReader.Reference ref : fs.references()) {
                    if (!Files.isRegularFile(ref.path())) {
                        errors.add(ref.fileId() + ": referenced by the DICOMDIR but missing");
                    } else {
                        items.add(new Item(ref.path(), ref.sopInstanceUid()));
                    }
                }
                return new ImportPlan(items, errors, true);
            } catch (IOException | RuntimeException e) {
                errors.add(root.relativize(dicomdir) + ": unreadable DICOMDIR (" + e.getMessage()
                        + "); importing the DICOM files found in the folder instead");
            }
        }
        List<Item> items = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.equals(dicomdir) && isPart10(p)) {
                    items.add(new Item(p, null));
                }
            }
        }
        return new ImportPlan(items, errors, false);
    }

    static Path findDicomdir(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> {
                String n = p.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
                return Files.isRegularFile(p) && (n.equals("DICOMDIR") || n.equals("DICOMDIR.") || n.equals("DICOMDIR;1"));
            }).findFirst().orElse(null);
        }
    }

    /** A Part 10 file: preamble and "DICM" (PS3.10 7.1). */
    static boolean isPart10(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }
}
