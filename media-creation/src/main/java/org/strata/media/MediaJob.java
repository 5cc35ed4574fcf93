package org.strata.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.FileSet;
import org.strata.dicom.media.FileSetBuilder;
import org.strata.dicom.media.SplitPlanner;
import org.strata.ejb.media.ExecutionStatus;
import org.strata.ejb.media.MediaOrder;
import org.strata.ejb.media.MediaRequest;
import org.strata.ejb.media.MediaRequests;
import org.strata.ejb.media.MediaSource;
import org.strata.ejb.media.MediaSources;
import org.strata.hsm.spi.StorageProvider;

/**
 * Creates the media of one initiated request (PS3.4 S.3.2.2.1): PENDING → CREATING → DONE or
 * FAILURE. Every requested instance must be stored (else FAILURE, NO_INSTANCE, with the Failed SOP
 * Sequence); each is written in a syntax the profile allows; the instances are spread over pieces
 * (PS3.11 D.3.4, never a series split), each a complete file-set with INDEX.HTM, README.TXT and
 * thumbnails, plus a label; then each piece becomes an ISO, a ZIP, stays a folder, or is burnt.
 */
final class MediaJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(MediaJob.class.getName());

    /** Settings: bytes per piece instead of the profile's medium (tests, odd media). */
    static final String CAPACITY_SETTING = "media.capacity.bytes";

    /** Collaborators of a job. */
    record Context(MediaRequests requests, MediaSources sources, StorageProvider storage,
                   java.util.function.Function<String, java.util.Optional<String>> settings) {
    }

    /** Stops the job: the request was cancelled (and deleted) meanwhile. */
    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Ends the job with FAILURE. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final String info;
        final List<String> failedUids;

        Failed(String info, String detail, List<String> failedUids) {
            super(detail);
            this.info = info;
            this.failedUids = failedUids;
        }
    }

    private final String id;
    private final Context ctx;
    private final BooleanSupplier cancelled;
    private final MediaWorkspace ws;

    MediaJob(String id, Context ctx, BooleanSupplier cancelled) {
        this.id = id;
        this.ctx = ctx;
        this.cancelled = cancelled;
        this.ws = MediaWorkspace.of(id);
    }

    @Override
    public void run() {
        try {
            MediaRequest request = ctx.requests().find(id).orElseThrow(Cancelled::new);
            create(request.order());
            LOG.info(() -> "media request " + id + ": done");
        } catch (Cancelled e) {
            LOG.info(() -> "media request " + id + ": cancelled");
            deleteWorkspace();
        } catch (Failed e) {
            LOG.warning(() -> "media request " + id + ": FAILURE " + e.info + ": " + e.getMessage());
            ctx.requests().fail(id, e.info, e.getMessage(), e.failedUids);
            deleteStaging();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "media request " + id + ": FAILURE PROC_FAILURE: " + e);
            ctx.requests().fail(id, "PROC_FAILURE", String.valueOf(e.getMessage()), List.of());
            deleteStaging();
        } catch (InterruptedException e) {
            // server shutting down: the request stays CREATING and is resumed at the next start
            Thread.currentThread().interrupt();
        }
    }

    private void create(MediaOrder order) throws Cancelled, Failed, IOException, InterruptedException {
        ApplicationProfile profile = ApplicationProfile.of(order.profile());
        MediaOutput output = MediaOutput.of(order.output());
        MediaSources.Resolution resolution = ctx.sources().resolve(order.studies(), order.instances());
        if (!resolution.missingInstances().isEmpty() || !resolution.missingStudies().isEmpty()) {
            List<String> missing = new ArrayList<>(resolution.missingInstances());
            missing.addAll(resolution.missingStudies());
            throw new Failed("NO_INSTANCE", missing.size() + " requested instance(s)/stud(ies) not stored: "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + (missing.size() > 5 ? " …" : ""), missing);
        }
        if (resolution.sources().isEmpty()) {
            throw new Failed("NO_INSTANCE", "the request references no stored instance", List.of());
        }
        check(ctx.requests().status(id, ExecutionStatus.CREATING, "NORMAL", null));
        deleteWorkspace(); // a resumed job starts over
        List<Path> staged = stage(profile, resolution.sources());
        List<FileSet> pieces = writeFileSets(profile, order, staged);
        deleteStaging();
        for (int n = 1; n <= pieces.size(); n++) {
            finish(profile, output, order, pieces.get(n - 1), n, pieces.size());
        }
        ctx.requests().done(id, pieces.size());
    }

    /** Copies (or transcodes) every instance into the staging folder, counting progress. */
    private List<Path> stage(ApplicationProfile profile, List<MediaSource> sources)
            throws Cancelled, Failed, IOException {
        Files.createDirectories(ws.staging());
        InstanceStager stager = new InstanceStager(profile);
        List<String> unconvertible = sources.stream().filter(s -> stager.target(s.transferSyntaxUid()).isEmpty())
                .map(MediaSource::sopInstanceUid).toList();
        if (!unconvertible.isEmpty()) {
            throw new Failed("INST_AP_CONFLICT", unconvertible.size() + " instance(s) in a transfer syntax "
                    + profile.id() + " cannot hold (converted without loss)", unconvertible);
        }
        List<Path> staged = new ArrayList<>(sources.size());
        List<String> failed = new ArrayList<>();
        long lastReport = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            MediaSource s = sources.get(i);
            Path target = ws.staging().resolve(String.format("%08d.dcm", i));
            try (InputStream in = ctx.storage().read(s.objectId())) {
                stager.stage(in, s.transferSyntaxUid(), target);
                staged.add(target);
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "media request " + id + ": instance " + s.sopInstanceUid() + " not written: " + e);
                failed.add(s.sopInstanceUid());
            }
            long now = System.nanoTime();
            if (i + 1 == sources.size() || now - lastReport > 500_000_000L) {
                lastReport = now;
                check(ctx.requests().progress(id, sources.size(), i + 1 - failed.size()));
            }
        }
        if (!failed.isEmpty()) {
            throw new Failed("PROC_FAILURE", failed.size() + " instance(s) could not be read or converted", failed);
        }
        return staged;
    }

    private List<FileSet> writeFileSets(ApplicationProfile profile, MediaOrder order, List<Path> staged)
            throws Failed, IOException {
        long capacity = ctx.settings().apply(CAPACITY_SETTING).map(v -> Long.parseLong(v.trim()))
                .orElse(MediaCapacity.of(profile));
        String fileSetId = order.fileSetId() == null || order.fileSetId().isBlank() ? defaultFileSetId(id)
                : order.fileSetId();
        List<FileSet> sets;
        try {
            sets = FileSetBuilder.forProfile(profile).fileSetId(fileSetId).add(staged)
                    .writePieces(ws.pieces(), capacity);
        } catch (SplitPlanner.SeriesTooLargeException e) {
            throw new Failed("SET_OVERSIZED", e.getMessage(), List.of());
        }
        if (sets.size() > 1 && !order.allowSplitting()) {
            throw new Failed("SET_OVERSIZED", "the instances need " + sets.size()
                    + " pieces of media and splitting is not allowed", List.of());
        }
        return sets;
    }

    /** Extras, label and output of piece {@code n}. */
    private void finish(ApplicationProfile profile, MediaOutput output, MediaOrder order, FileSet fs, int n, int total)
            throws Cancelled, Failed, IOException, InterruptedException {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        PieceExtras.Written extras = PieceExtras.write(fs, profile, n, total, order.label(), ws.label(n, "PNG"),
                ws.label(n, "PDF"));
        String fileSetId = extras.fileSetId();
        Path label = extras.labelPng();
        int isoLevel = profile == ApplicationProfile.STD_GEN_CD ? 1 : 3;
        switch (output) {
            case ISO -> {
                Files.createDirectories(ws.images());
                IsoImage.write(fs.root(), fileSetId, isoLevel, ws.image(n, "ISO"));
            }
            case ZIP -> {
                Files.createDirectories(ws.images());
                ZipImage.write(fs.root(), ws.image(n, "ZIP"));
            }
            case FOLDER -> {
                // the piece's folder is the output
            }
            case BURNER -> burn(order, fs, fileSetId, isoLevel, label, n);
        }
    }

    private void burn(MediaOrder order, FileSet fs, String fileSetId, int isoLevel, Path label, int n)
            throws Cancelled, Failed, IOException, InterruptedException {
        BurnerSettings settings = BurnerSettings.from(ctx.settings());
        HotFolderBurner burner = new HotFolderBurner(settings.folder(), settings.format(), settings.timeout(),
                Duration.ofMillis(500));
        String jobId = jobId(id, n);
        Path image = settings.folder().resolve(jobId + ".ISO");
        IsoImage.write(fs.root(), fileSetId, isoLevel, image);
        Files.createDirectories(ws.images());
        Files.deleteIfExists(ws.image(n, "ISO"));
        Files.createSymbolicLink(ws.image(n, "ISO"), image);
        burner.submit(new BurnJob(jobId, image, order.copies(), label, IsoImage.volumeId(fileSetId)));
        HotFolderBurner.Result result = burner.await(jobId, cancelled);
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        if (!result.done()) {
            throw new Failed("MCD_FAILURE", result.reason(), List.of());
        }
    }

    /** A File-set ID from the request UID: {@code STRATA_} and 8 hex digits (PS3.10 8.2: ≤ 16 of A-Z 0-9 _). */
    static String defaultFileSetId(String requestUid) {
        return String.format("STRATA_%08X", requestUid.hashCode());
    }

    /** The robot's job id for piece {@code n}: letters and digits only. */
    static String jobId(String requestUid, int n) {
        return String.format("STRATA%08X_%d", requestUid.hashCode(), n);
    }

    private static void check(boolean stillThere) throws Cancelled {
        if (!stillThere) {
            throw new Cancelled();
        }
    }

    private void deleteStaging() {
        try {
            MediaWorkspace.delete(ws.staging());
        } catch (IOException e) {
            LOG.warning(() -> "media request " + id + ": cannot remove " + ws.staging() + ": " + e.getMessage());
        }
    }

    private void deleteWorkspace() {
        try {
            MediaWorkspace.delete(ws.root());
        } catch (IOException e) {
            LOG.warning(() -> "media request " + id + ": cannot remove " + ws.root() + ": " + e.getMessage());
        }
    }
}
