package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;

/**
 * Creates a File-set (PS3.10 8): copies Part 10 files under generated File IDs into a folder and
 * writes its DICOMDIR, following an application profile (PS3.11). Files whose transfer syntax the
 * profile does not allow go through the {@link FileTransform}, or are refused with
 * {@link UnsupportedTransferSyntaxException} when there is none.
 *
 * <pre>{@code
 * FileSet fs = FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD)
 *         .fileSetId("STUDY_1").transform(new NativeReencoding())
 *         .add(List.of(Path.of("a.dcm"), Path.of("b.dcm")))
 *         .write(Path.of("/media/out"));
 * }</pre>
 */
public final class FileSetBuilder {

    private static final ReadOptions HEADER_ONLY = ReadOptions.builder().stopBeforePixelData().build();

    private final ApplicationProfile profile;
    private String fileSetId = "";
    private FileTransform transform;
    private final List<Path> sources = new ArrayList<>();

    private FileSetBuilder(ApplicationProfile profile) {
        this.profile = Objects.requireNonNull(profile);
    }

    public static FileSetBuilder forProfile(ApplicationProfile profile) {
        return new FileSetBuilder(profile);
    }

    /** File-set ID (0004,1130), at most 16 of A-Z 0-9 _ (PS3.10 8.2); empty by default. */
    public FileSetBuilder fileSetId(String id) {
        DicomDirWriter.Header.of(id); // validates
        this.fileSetId = id;
        return this;
    }

    /** Converter for files in syntaxes the profile does not allow. */
    public FileSetBuilder transform(FileTransform transform) {
        this.transform = transform;
        return this;
    }

    /** Adds Part 10 files, in the order File IDs are to be assigned. */
    public FileSetBuilder add(List<Path> files) {
        sources.addAll(files);
        return this;
    }

    /**
     * Writes the file-set into {@code root} (created if needed; must not hold a DICOMDIR yet).
     *
     * @throws UnsupportedTransferSyntaxException when a file's syntax is not allowed and cannot be converted
     */
    public FileSet write(Path root) throws IOException {
        return write(root, fileSetId, sources);
    }

    /**
     * Writes as many file-sets as {@code capacity} bytes per piece of media need (PS3.11 D.3.4: no
     * volume spanning), planned by {@link SplitPlanner}: folders {@code PIECE001}, {@code PIECE002} …
     * below {@code parent}, File-set IDs suffixed {@code _1}, {@code _2} … when there is more than one.
     * Sizes are estimated as the source size plus {@link #RECORD_ALLOWANCE} per instance for its
     * DICOMDIR records (and 10 % for files that are re-encoded); each piece is measured after
     * writing and an overrun fails.
     */
    public List<FileSet> writePieces(Path parent, long capacity) throws IOException {
        List<SplitPlanner.Item<Path>> items = new ArrayList<>();
        for (Path source : sources) {
            DicomFile header = Part10Reader.read(source, HEADER_ONLY);
            Attributes ds = header.dataset();
            long bytes = Files.size(source) + RECORD_ALLOWANCE;
            if (!profile.allows(header.fileMeta().getString(Tag.TransferSyntaxUID, "").trim())) {
                bytes += bytes / 10;
            }
            items.add(new SplitPlanner.Item<>(source, DirectoryTreeBuilder.patientKey(ds),
                    ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.SeriesInstanceUID, ""), bytes));
        }
        List<List<SplitPlanner.Item<Path>>> plan = SplitPlanner.plan(items, capacity);
        List<FileSet> result = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String id = plan.size() == 1 ? fileSetId : pieceId(fileSetId, i + 1);
            Path root = parent.resolve(String.format("PIECE%03d", i + 1));
            FileSet fs = write(root, id, plan.get(i).stream().map(SplitPlanner.Item::ref).toList());
            long used = folderSize(root);
            if (used > capacity) {
                throw new IOException(root + " holds " + used + " bytes, over the capacity of " + capacity);
            }
            result.add(fs);
        }
        return result;
    }

    /** Bytes reserved per instance for its share of the DICOMDIR when planning pieces. */
    public static final long RECORD_ALLOWANCE = 2048;

    /** The File-set ID of piece {@code n} of several: {@code base} cut to fit, then {@code _n}. */
    public static String pieceId(String base, int n) {
        String suffix = "_" + n;
        String stem = base.isEmpty() ? "PIECE" : base;
        return stem.substring(0, Math.min(stem.length(), 16 - suffix.length())) + suffix;
    }

    /** Bytes of the regular files below {@code root}. */
    public static long folderSize(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private FileSet write(Path root, String fileSetId, List<Path> sources) throws IOException {
        List<FileSetComposer.Member<Path>> members = new ArrayList<>();
        for (Path source : sources) {
            DicomFile header = Part10Reader.read(source, HEADER_ONLY);
            String tsUid = header.fileMeta().getString(Tag.TransferSyntaxUID, "").trim();
            if (tsUid.isEmpty()) {
                // PS3.10 7.1: a file in a file-set has File Meta Information
                throw new UnsupportedTransferSyntaxException(source, tsUid, "not a Part 10 file (no File Meta Information)");
            }
            members.add(new FileSetComposer.Member<>(source, header.dataset(), target -> store(source, tsUid, target)));
        }
        FileSetComposer.Result<Path> result = FileSetComposer.compose(root, fileSetId, profile, members, Runnable::run,
                n -> { });
        if (!result.failures().isEmpty()) {
            Exception first = result.failures().get(0).error();
            throw first instanceof IOException io ? io : new IOException(first);
        }
        return result.fileSet();
    }

    private String store(Path source, String tsUid, Path target) throws IOException {
        if (profile.allows(tsUid)) {
            Files.copy(source, target);
            return tsUid;
        }
        if (transform == null) {
            throw new UnsupportedTransferSyntaxException(source, tsUid, "transfer syntax " + tsUid
                    + " is not allowed by " + profile.id() + " (allowed: " + profile.transferSyntaxes()
                    + ") and no transform was given");
        }
        String written = transform.transform(source, tsUid, profile.transferSyntaxes(), target);
        if (!profile.allows(written)) {
            throw new UnsupportedTransferSyntaxException(source, written, "transform wrote " + written
                    + ", which " + profile.id() + " does not allow");
        }
        return written;
    }
}
