package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.strata.dicom.core.Tag;

/**
 * Media import: reads a file-set's DICOMDIR and lists the files its records reference, each with
 * the records on its path (PATIENT, STUDY, SERIES, …) for their keys (PS3.10 8.6, PS3.3 F.3).
 *
 * <pre>{@code
 * FileSetReader fs = FileSetReader.open(Path.of("/mnt/cdrom/DICOMDIR"));
 * for (FileSetReader.Reference ref : fs.references()) {
 *     importer.accept(ref.path(), ref.record(RecordType.PATIENT.code()).key(Tag.PatientID));
 * }
 * fs.missing();  // references whose file is not there
 * }</pre>
 */
public final class FileSetReader {

    /**
     * A record that references a file.
     *
     * @param path the file, resolved below the file-set root (case-insensitively when needed, as
     *        ISO 9660 readers may show lower case)
     * @param records the records from the root down to the referencing one
     */
    public record Reference(FileId fileId, Path path, List<DirectoryRecord> records) {

        /** The referencing record. */
        public DirectoryRecord leaf() {
            return records.get(records.size() - 1);
        }

        /** The nearest record of {@code type} on the path, or {@code null}. */
        public DirectoryRecord record(String type) {
            for (int i = records.size() - 1; i >= 0; i--) {
                if (records.get(i).type().equals(type)) {
                    return records.get(i);
                }
            }
            return null;
        }

        public String sopInstanceUid() {
            return leaf().key(Tag.ReferencedSOPInstanceUIDInFile);
        }

        public String sopClassUid() {
            return leaf().key(Tag.ReferencedSOPClassUIDInFile);
        }

        public String transferSyntaxUid() {
            return leaf().key(Tag.ReferencedTransferSyntaxUIDInFile);
        }
    }

    private final Path root;
    private final DicomDirectory directory;
    private final List<Reference> references = new ArrayList<>();

    private FileSetReader(Path root, DicomDirectory directory) throws IOException {
        this.root = root;
        this.directory = directory;
        for (DirectoryRecord r : directory.roots()) {
            collect(r, new ArrayList<>());
        }
    }

    /** Reads {@code dicomdir}; its folder is the file-set root. */
    public static FileSetReader open(Path dicomdir) throws IOException {
        Path abs = dicomdir.toAbsolutePath();
        return new FileSetReader(abs.getParent(), DicomDirReader.read(abs));
    }

    public Path root() {
        return root;
    }

    public DicomDirectory directory() {
        return directory;
    }

    /** Every record with a Referenced File ID, in record order. */
    public List<Reference> references() {
        return List.copyOf(references);
    }

    /** References whose file does not exist. */
    public List<Reference> missing() {
        return references.stream().filter(r -> !Files.isRegularFile(r.path())).toList();
    }

    private void collect(DirectoryRecord record, List<DirectoryRecord> path) throws IOException {
        path.add(record);
        FileId id;
        try {
            id = record.fileId();
        } catch (IllegalArgumentException e) {
            // never resolve a non-conformant ID: ".." or separators would leave the file-set root
            throw new DicomDirFormatException(DicomDirFormatException.Kind.INVALID_FILE_ID, record.offset(),
                    e.getMessage());
        }
        if (id != null) {
            references.add(new Reference(id, resolve(id), List.copyOf(path)));
        }
        for (DirectoryRecord child : record.children()) {
            collect(child, path);
        }
        path.remove(path.size() - 1);
    }

    /** Exact path when it exists, else a case-insensitive match per component, else the exact path. */
    private Path resolve(FileId id) throws IOException {
        Path exact = id.resolve(root);
        if (Files.exists(exact)) {
            return exact;
        }
        Path p = root;
        for (String c : id.components()) {
            Path match = null;
            if (Files.isDirectory(p)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                    for (Path e : entries) {
                        String name = e.getFileName().toString();
                        if (name.equalsIgnoreCase(c) || name.equalsIgnoreCase(c + ".") || name.equalsIgnoreCase(c + ";1")) {
                            match = e;
                            break;
                        }
                    }
                }
            }
            if (match == null) {
                return exact;
            }
            p = match;
        }
        return p;
    }
}
