package org.strata.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.DirectoryTreeBuilder;
import org.strata.dicom.media.FileSet;
import org.strata.dicom.media.FileSetBuilder;
import org.strata.dicom.media.FileSetComposer;
import org.strata.dicom.media.SplitPlanner;
import org.strata.ejb.media.MediaSource;
import org.strata.hsm.spi.StorageProvider;

/**
 * Writes the pieces of a request straight from the online tier into their file-sets (PS3.11 D.3:
 * each piece a complete file-set): reads each stored instance's header once, plans the pieces from
 * the headers and the sizes the instances will have (PS3.11 D.3.4, never a series split), then
 * writes every instance in a syntax the profile allows directly at its File ID, decoding and
 * transcoding on a bounded pool, and the DICOMDIR from the headers already read.
 */
final class PieceComposer {

    private static final ReadOptions HEADER = ReadOptions.builder().stopBeforePixelData().build();

    /** Bytes allowed for a transcoded instance's data set besides its pixels. */
    static final long HEADER_ALLOWANCE = 16 * 1024;

    /** A stored instance with its header, the syntax it is written in and its estimated size on the medium. */
    record Planned(MediaSource source, Attributes header, String targetTs, long bytes) {
    }

    /**
     * The pieces written, for each the instances on it (headers read while planning, files in the
     * piece), and the instances that could not be written (SOP Instance UIDs).
     */
    record Outcome(List<FileSet> pieces, List<List<DiscContents.Instance>> instances, List<String> failedUids) {
    }

    private final StorageProvider storage;
    private final InstanceStager stager;
    private final ApplicationProfile profile;
    private final Executor pool;
    private final BooleanSupplier stop;

    PieceComposer(StorageProvider storage, ApplicationProfile profile, Executor pool, BooleanSupplier stop) {
        this.storage = storage;
        this.stager = new InstanceStager(profile);
        this.profile = profile;
        this.pool = pool;
        this.stop = stop;
    }

    /** The instances whose stored syntax the profile cannot hold even after conversion without loss. */
    List<String> unconvertible(List<MediaSource> sources) {
        return sources.stream().filter(s -> stager.target(s.transferSyntaxUid()).isEmpty())
                .map(MediaSource::sopInstanceUid).toList();
    }

    /** Reads each instance's header (the bytes before its pixel data) and estimates its size. */
    List<Planned> plan(List<MediaSource> sources) throws IOException {
        List<Planned> planned = new ArrayList<>(sources.size());
        for (MediaSource s : sources) {
            Attributes ds;
            try (InputStream in = storage.read(s.objectId())) {
                ds = Part10Reader.read(in, HEADER).dataset();
            }
            String target = stager.target(s.transferSyntaxUid()).orElseThrow();
            planned.add(new Planned(s, ds, target, estimate(s, ds, target)));
        }
        return planned;
    }

    /** As stored when not converted; else the pixels decompressed plus the rest of the data set. */
    static long estimate(MediaSource s, Attributes ds, String targetTs) {
        long bytes = s.sizeBytes() + FileSetBuilder.RECORD_ALLOWANCE;
        if (targetTs.equals(s.transferSyntaxUid())) {
            return bytes;
        }
        long bits = (long) ds.getInt(Tag.Rows, 0) * ds.getInt(Tag.Columns, 0)
                * Math.max(1, ds.getInt(Tag.SamplesPerPixel, 1)) * Math.max(1, ds.getInt(Tag.BitsAllocated, 8))
                * Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        long pixels = (bits + 7) / 8;
        return pixels == 0 ? bytes + bytes / 10 : pixels + HEADER_ALLOWANCE + FileSetBuilder.RECORD_ALLOWANCE;
    }

    /**
     * Writes the pieces below {@code parent} ({@code PIECE001} …) for media of {@code capacity}
     * bytes, File-set IDs suffixed {@code _n} when there is more than one; {@code written} counts
     * instances as they are done. A piece found over capacity after writing fails.
     *
     * @throws SplitPlanner.SeriesTooLargeException when one series is larger than a piece
     */
    Outcome write(List<Planned> planned, Path parent, String fileSetId, long capacity, IntConsumer written)
            throws IOException {
        List<SplitPlanner.Item<Planned>> items = planned.stream().map(p -> new SplitPlanner.Item<>(p,
                DirectoryTreeBuilder.patientKey(p.header()), p.header().getString(Tag.StudyInstanceUID, ""),
                p.header().getString(Tag.SeriesInstanceUID, ""), p.bytes())).toList();
        List<List<SplitPlanner.Item<Planned>>> plan = SplitPlanner.plan(items, capacity);
        List<FileSet> pieces = new ArrayList<>();
        List<List<DiscContents.Instance>> instances = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < plan.size(); i++) {
            String id = plan.size() == 1 ? fileSetId : FileSetBuilder.pieceId(fileSetId, i + 1);
            Path root = parent.resolve(String.format("PIECE%03d", i + 1));
            List<FileSetComposer.Member<Planned>> members = plan.get(i).stream()
                    .map(item -> new FileSetComposer.Member<>(item.ref(), item.ref().header(), writer(item.ref())))
                    .toList();
            int offset = before;
            FileSetComposer.Result<Planned> r = FileSetComposer.compose(root, id, profile, members, pool,
                    n -> written.accept(offset + n));
            r.failures().forEach(f -> failed.add(f.ref().source().sopInstanceUid()));
            long used = FileSetBuilder.folderSize(root);
            if (used > capacity) {
                throw new IOException(root + " holds " + used + " bytes, over the capacity of " + capacity);
            }
            pieces.add(r.fileSet());
            List<DiscContents.Instance> on = new ArrayList<>(r.written().size());
            for (int k = 0; k < r.written().size(); k++) {
                on.add(new DiscContents.Instance(r.written().get(k).header(),
                        r.fileSet().entries().get(k).fileId().resolve(root)));
            }
            instances.add(on);
            before += members.size();
        }
        return new Outcome(pieces, instances, failed);
    }

    /** Streams the stored object into the file-set, transcoded when the profile needs it. */
    private FileSetComposer.Writer writer(Planned p) {
        return target -> {
            if (stop.getAsBoolean()) {
                throw new IOException("stopped");
            }
            try (InputStream in = storage.read(p.source().objectId())) {
                return stager.stage(in, p.source().transferSyntaxUid(), target);
            }
        };
    }
}
