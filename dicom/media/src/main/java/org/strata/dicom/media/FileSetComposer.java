package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * Composes one File-set (PS3.10 8) from instances the caller writes itself: File IDs are handed
 * out in input order, each instance is written straight to its place in the file-set (in parallel
 * when the executor is a pool, so decoding and transcoding use every core), and the DICOMDIR is
 * written from the headers already read, without reading the files again.
 */
public final class FileSetComposer {

    /** Writes an instance to {@code target} (in the file-set) and returns the transfer syntax written. */
    @FunctionalInterface
    public interface Writer {
        String write(Path target) throws IOException;
    }

    /**
     * One instance: a reference for the caller, its header (the data set up to the pixel data)
     * for the File ID and the directory records, and how to write it.
     */
    public record Member<T>(T ref, Attributes header, Writer writer) {
    }

    /** A member not written, and why. */
    public record Failure<T>(T ref, Exception error) {
    }

    /**
     * The file-set written, the members written (in the order of the file-set's entries) and
     * those that could not be.
     */
    public record Result<T>(FileSet fileSet, List<T> written, List<Failure<T>> failures) {
    }

    private FileSetComposer() {
    }

    /**
     * Writes the members into {@code root} (created if needed; must not hold a DICOMDIR yet) and
     * the DICOMDIR of those written. {@code written} is told each time one more member is done.
     *
     * @throws UnsupportedTransferSyntaxException when a writer wrote a syntax {@code profile} does not allow
     */
    public static <T> Result<T> compose(Path root, String fileSetId, ApplicationProfile profile,
            List<Member<T>> members, Executor executor, IntConsumer written) throws IOException {
        DicomDirWriter.Header header = DicomDirWriter.Header.of(fileSetId);
        Files.createDirectories(root);
        Path dicomdir = root.resolve("DICOMDIR");
        if (Files.exists(dicomdir)) {
            throw new FileAlreadyExistsException(dicomdir.toString(), null, "a file-set already exists there");
        }
        FileIdGenerator ids = new FileIdGenerator();
        List<String> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Member<T>> placed = new ArrayList<>();
        List<FileId> fileIds = new ArrayList<>();
        for (Member<T> m : members) {
            Attributes ds = m.header();
            String iuid = ds.getString(Tag.SOPInstanceUID, "").trim();
            if (!seen.add(iuid)) {
                notes.add(m.ref() + ": duplicate SOP Instance UID " + iuid + ", skipped");
                continue;
            }
            placed.add(m);
            fileIds.add(ids.next(DirectoryTreeBuilder.patientKey(ds), ds.getString(Tag.StudyInstanceUID, ""),
                    ds.getString(Tag.SeriesInstanceUID, ""), iuid));
        }
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        // each folder created once (File IDs share their patient, study and series folders); a
        // writer of the same folder waits inside computeIfAbsent until it exists
        java.util.concurrent.ConcurrentHashMap<Path, Path> folders = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<String>> writes = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            Member<T> m = placed.get(i);
            Path target = fileIds.get(i).resolve(root);
            writes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    folders.computeIfAbsent(target.getParent(), FileSetComposer::createFolder);
                    String ts = m.writer().write(target);
                    if (!profile.allows(ts)) {
                        Files.deleteIfExists(target);
                        throw new UnsupportedTransferSyntaxException(target, ts, "wrote " + ts + ", which "
                                + profile.id() + " does not allow");
                    }
                    return ts;
                } catch (IOException e) {
                    throw new CompletionException(e);
                } catch (java.io.UncheckedIOException e) {
                    throw new CompletionException(e.getCause());
                } finally {
                    written.accept(done.incrementAndGet());
                }
            }, executor));
        }
        DirectoryTreeBuilder tree = new DirectoryTreeBuilder();
        List<FileSet.Entry> entries = new ArrayList<>();
        List<T> placedOk = new ArrayList<>();
        List<Failure<T>> failures = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Member<T> m = placed.get(i);
            String ts;
            try {
                ts = writes.get(i).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof UnsupportedTransferSyntaxException u) {
                    throw u;
                }
                failures.add(new Failure<>(m.ref(), cause instanceof Exception x ? x : new IOException(cause)));
                continue;
            }
            tree.add(m.header(), fileIds.get(i), ts);
            entries.add(new FileSet.Entry(m.ref() instanceof Path p ? p : null, fileIds.get(i), ts));
            placedOk.add(m.ref());
        }
        notes.addAll(tree.notes());
        DicomDirWriter.write(dicomdir, header, tree.roots());
        return new Result<>(new FileSet(root, dicomdir, profile, List.copyOf(entries), List.copyOf(notes)),
                List.copyOf(placedOk), List.copyOf(failures));
    }

    private static Path createFolder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
