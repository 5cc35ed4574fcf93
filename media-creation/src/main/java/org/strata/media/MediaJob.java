package org.strata.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.FileSet;
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
                   java.util.function.Function<String, java.util.Optional<String>> settings,
                   java.util.concurrent.Executor pool) {
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

    /** Tests only: the number of written instances after which the job waits for the shutdown. */
    static final String HOLD_SETTING = "media.test.hold-after";

    private final String id;
    private final Context ctx;
    private final BooleanSupplier cancelled;
    private final BooleanSupplier stopping;
    private final MediaWorkspace ws;
    private final PhaseTimes times = new PhaseTimes();

    MediaJob(String id, Context ctx, BooleanSupplier cancelled, BooleanSupplier stopping) {
        this.id = id;
        this.ctx = ctx;
        this.cancelled = cancelled;
        this.stopping = stopping;
        this.ws = MediaWorkspace.of(id);
    }

    @Override
    public void run() {
        times.lap("queued");
        try {
            MediaRequest request = ctx.requests().find(id).orElseThrow(Cancelled::new);
            create(request.order());
            LOG.info(() -> "media request " + id + ": done; " + times);
        } catch (Cancelled e) {
            if (stopping.getAsBoolean()) {
                LOG.info(() -> "media request " + id + ": stopped with the server, resumed at the next start");
                return;
            }
            LOG.info(() -> "media request " + id + ": cancelled");
            deleteWorkspace();
        } catch (Failed e) {
            LOG.warning(() -> "media request " + id + ": FAILURE " + e.info + ": " + e.getMessage());
            ctx.requests().fail(id, e.info, e.getMessage(), e.failedUids);
        } catch (IOException | RuntimeException e) {
            if (stopping.getAsBoolean()) {
                // the server is going down under the job: it stays CREATING and starts over at the next start
                LOG.info(() -> "media request " + id + ": interrupted by the shutdown (" + e + "), resumed at the next start");
                return;
            }
            LOG.warning(() -> "media request " + id + ": FAILURE PROC_FAILURE: " + e);
            ctx.requests().fail(id, "PROC_FAILURE", String.valueOf(e.getMessage()), List.of());
        } catch (InterruptedException e) {
            // server shutting down: the request stays CREATING and is resumed at the next start
            Thread.currentThread().interrupt();
        }
    }

    private void create(MediaOrder order) throws Cancelled, Failed, IOException, InterruptedException {
        ApplicationProfile profile = ApplicationProfile.of(order.profile());
        MediaOutput output = MediaOutput.of(order.output());
        MediaSources.Resolution resolution = ctx.sources().resolve(order.studies(), order.instances());
        times.lap("resolve");
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
        PieceComposer.Outcome written = writePieces(profile, order, resolution.sources());
        List<FileSet> pieces = written.pieces();
        for (int n = 1; n <= pieces.size(); n++) {
            finish(profile, output, order, pieces.get(n - 1), written.instances().get(n - 1), n, pieces.size());
        }
        ctx.requests().done(id, pieces.size());
        times.lap("done");
    }

    /**
     * Writes every instance straight into its piece's file-set (no staging copy), decoding and
     * transcoding on the shared bounded pool, counting progress.
     */
    private PieceComposer.Outcome writePieces(ApplicationProfile profile, MediaOrder order, List<MediaSource> sources)
            throws Cancelled, Failed, IOException {
        PieceComposer composer = new PieceComposer(ctx.storage(), profile, ctx.pool(),
                () -> cancelled.getAsBoolean() || stopping.getAsBoolean());
        List<String> unconvertible = composer.unconvertible(sources);
        if (!unconvertible.isEmpty()) {
            throw new Failed("INST_AP_CONFLICT", unconvertible.size() + " instance(s) in a transfer syntax "
                    + profile.id() + " cannot hold (converted without loss)", unconvertible);
        }
        List<PieceComposer.Planned> planned = composer.plan(sources);
        times.lap("plan");
        long capacity = ctx.settings().apply(CAPACITY_SETTING).map(v -> Long.parseLong(v.trim()))
                .orElse(MediaCapacity.of(profile));
        if (order.includeViewer()) {
            capacity -= MediaViewer.configured(ctx.settings()).bytes();
        }
        String fileSetId = order.fileSetId() == null || order.fileSetId().isBlank() ? defaultFileSetId(id)
                : order.fileSetId();
        Progress progress = new Progress(sources.size(),
                ctx.settings().apply(HOLD_SETTING).map(v -> Integer.parseInt(v.trim())).orElse(-1));
        PieceComposer.Outcome outcome;
        try {
            outcome = composer.write(planned, ws.pieces(), fileSetId, capacity, progress::written);
        } catch (SplitPlanner.SeriesTooLargeException e) {
            throw new Failed("SET_OVERSIZED", e.getMessage(), List.of());
        }
        times.lap("write");
        check(!cancelled.getAsBoolean());
        if (!outcome.failedUids().isEmpty()) {
            throw new Failed("PROC_FAILURE", outcome.failedUids().size() + " instance(s) could not be read or converted",
                    outcome.failedUids());
        }
        check(ctx.requests().progress(id, sources.size(), sources.size()));
        if (outcome.pieces().size() > 1 && !order.allowSplitting()) {
            throw new Failed("SET_OVERSIZED", "the instances need " + outcome.pieces().size()
                    + " pieces of media and splitting is not allowed", List.of());
        }
        return outcome;
    }

    /**
     * Instances written so far, recorded at most twice a second (from the pool's threads). With
     * {@link #HOLD_SETTING} set (tests only), the writers stop once that many instances are written
     * and wait for the shutdown: a restart test can then stop the server while the request is
     * certainly CREATING, however fast the machine.
     */
    private final class Progress {
        private final int total;
        private final int holdAfter;
        private long lastReport;

        Progress(int total, int holdAfter) {
            this.total = total;
            this.holdAfter = holdAfter;
        }

        void written(int n) {
            report(n);
            if (holdAfter >= 0 && n >= holdAfter) {
                LOG.info(() -> "media request " + id + ": holding after " + n + " instances (" + HOLD_SETTING + ")");
                while (!stopping.getAsBoolean() && !cancelled.getAsBoolean()) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private synchronized void report(int n) {
            long now = System.nanoTime();
            if (now - lastReport > 500_000_000L && n < total) {
                lastReport = now;
                ctx.requests().progress(id, total, n);
            }
        }
    }

    /**
     * Extras, label and output of piece {@code n}. The label is not on the medium: it is drawn on
     * the pool while the image is written, and awaited before the piece counts as done.
     */
    private void finish(ApplicationProfile profile, MediaOutput output, MediaOrder order, FileSet fs,
                        List<DiscContents.Instance> instances, int n, int total)
            throws Cancelled, Failed, IOException, InterruptedException {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        if (order.includeViewer()) {
            MediaViewer.configured(ctx.settings()).copyInto(fs.root());
        }
        String fileSetId = org.strata.dicom.media.DicomDirReader.read(fs.dicomdir()).fileSetId();
        DiscContents contents = DiscContents.of(fileSetId, n, total, instances);
        PieceExtras.writeOnMedium(fs, contents, profile);
        Path label = ws.label(n, "PNG");
        java.util.concurrent.CompletableFuture<Void> labels = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                PieceExtras.writeLabel(contents, order.label(), order.barcode(), label, ws.label(n, "PDF"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, ctx.pool());
        times.lap("extras");
        try {
            output(output, order, fs, fileSetId, profile, label, n, labels);
        } finally {
            awaitLabels(labels);
        }
        times.lap(output.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void awaitLabels(java.util.concurrent.CompletableFuture<Void> labels) throws IOException {
        try {
            labels.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
                    : new IOException("label: " + e.getCause(), e.getCause());
        }
    }

    private void output(MediaOutput output, MediaOrder order, FileSet fs, String fileSetId, ApplicationProfile profile,
                        Path label, int n, java.util.concurrent.CompletableFuture<Void> labels)
            throws Cancelled, Failed, IOException, InterruptedException {
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
            case BURNER -> {
                awaitLabels(labels); // the robot prints it
                burn(order, fs, fileSetId, isoLevel, label, n);
            }
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

    private void check(boolean stillThere) throws Cancelled {
        if (!stillThere || stopping.getAsBoolean()) {
            throw new Cancelled();
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
