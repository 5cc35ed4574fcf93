package org.strata.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.strata.dicom.media.ImportPlan;
import org.strata.dicom.media.MediaInput;
import org.strata.dicom.media.Part10Head;
import org.strata.ejb.media.ImportJob;
import org.strata.ejb.media.ImportJobs;
import org.strata.ejb.media.ImportState;
import org.strata.ejb.store.StoreService;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreRequest;

/**
 * One server-side import (PS3.10 File-Set Reader): opens the medium (folder, DICOMDIR, ISO, ZIP,
 * TAR), plans the files from its DICOMDIR or by walking it, checks each against its record and
 * stores it through {@link StoreService} — the C-STORE path, with its durability (acknowledged
 * only when written, fsynced and indexed) and its duplicate policy (that of the archive's AE
 * title). Each file tried is recorded, so a restart resumes after the last one.
 */
final class ImportTask implements Runnable {

    private static final Logger LOG = Logger.getLogger(ImportTask.class.getName());

    /** Calling AE title the import stores under (shown as the instance's source). */
    static final String CALLING_AE = "IMPORT";

    /** Settings: most bytes an image or archive may unpack to (ZIP bombs). */
    static final String MAX_BYTES_SETTING = "import.max-bytes";

    /** Tests only: the number of files after which the import waits for the shutdown (never on resume). */
    static final String HOLD_SETTING = "import.test.hold-after";

    /**
     * Collaborators of a task.
     *
     * @param holdAfter files after which the task waits for the server to stop ({@link #HOLD_SETTING}), or -1
     */
    record Context(ImportJobs jobs, StoreService store, String aeTitle, long maxBytes, int holdAfter) {
    }

    /** The server is stopping: leave the job as it is, resumed at the next start. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final String id;
    private final Context ctx;
    private final BooleanSupplier stopping;

    ImportTask(String id, Context ctx, BooleanSupplier stopping) {
        this.id = id;
        this.ctx = ctx;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        ImportJob job = ctx.jobs().find(id).orElse(null);
        if (job == null || job.getState().finished()) {
            return;
        }
        Path work = ImportWorkspace.of(id);
        try {
            MediaWorkspace.delete(work); // unpacked again on resume: the plan order is the same
            MediaInput input = MediaInput.open(Path.of(job.getPath()), work, ctx.maxBytes());
            ImportPlan plan = ImportPlan.of(input.root());
            int skip = job.getProcessed();
            if (job.getState() == ImportState.QUEUED) {
                List<String> errors = new java.util.ArrayList<>(input.errors());
                errors.addAll(plan.errors());
                ctx.jobs().planned(id, input.kind().name(), plan.fromDicomdir(), plan.items().size(), errors);
                errors.forEach(e -> LOG.warning(() -> "import " + id + ": " + e));
            } else {
                LOG.info(() -> "import " + id + ": resumed after " + skip + " of " + plan.items().size() + " files");
            }
            for (int i = skip; i < plan.items().size(); i++) {
                if (stopping.getAsBoolean()) {
                    throw new Stopped();
                }
                tryOne(input.root(), plan.items().get(i));
                hold(i + 1);
            }
            ctx.jobs().finish(id, ImportState.DONE, null);
            ImportJob end = ctx.jobs().find(id).orElseThrow();
            LOG.info(() -> "import " + id + " done: imported " + end.getImported() + ", duplicate "
                    + end.getDuplicate() + ", failed " + end.getFailed());
        } catch (Stopped e) {
            LOG.info(() -> "import " + id + ": stopped with the server, resumed at the next start");
            return;
        } catch (IOException | RuntimeException e) {
            if (stopping.getAsBoolean()) {
                LOG.info(() -> "import " + id + ": interrupted by the shutdown (" + e + "), resumed at the next start");
                return;
            }
            LOG.warning(() -> "import " + id + " FAILED: " + e.getMessage());
            ctx.jobs().finish(id, ImportState.FAILED, String.valueOf(e.getMessage()));
        }
        deleteQuietly(work);
    }

    /**
     * With {@link #HOLD_SETTING} set (tests only), waits after that many files until the server
     * stops: a restart test can stop it while the import is certainly RUNNING, however fast the machine.
     */
    private void hold(int tried) throws Stopped {
        if (ctx.holdAfter() < 0 || tried != ctx.holdAfter()) {
            return;
        }
        LOG.info(() -> "import " + id + ": holding after " + tried + " files (" + HOLD_SETTING + ")");
        while (!stopping.getAsBoolean()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** Checks one planned file against its record and stores it. */
    private void tryOne(Path root, ImportPlan.Item item) {
        String name = root.relativize(item.file()).toString();
        Part10Head head;
        try {
            head = Part10Head.read(item.file());
        } catch (IOException | RuntimeException e) {
            record(ImportJob.Outcome.FAILED, name + ": corrupt or not DICOM (" + e.getMessage() + ")");
            return;
        }
        if (item.expectedSopInstanceUid() != null && !item.expectedSopInstanceUid().equals(head.sopInstanceUid())) {
            record(ImportJob.Outcome.FAILED, name + ": SOP Instance UID " + head.sopInstanceUid()
                    + " does not match its DICOMDIR record (" + item.expectedSopInstanceUid() + ")");
            return;
        }
        boolean existed = ctx.jobs().stored(head.sopInstanceUid());
        DimseStatus status;
        AssociationInfo as = new AssociationInfo("IMPORT(" + id.substring(0, Math.min(8, id.length())) + ")->"
                + ctx.aeTitle(), CALLING_AE, ctx.aeTitle(), "127.0.0.1");
        try (InputStream in = head.openDataSet()) {
            status = ctx.store().store(as, new StoreRequest(head.sopClassUid(), head.sopInstanceUid(),
                    head.transferSyntaxUid(), 0, null, 0), in);
        } catch (IOException | RuntimeException e) {
            record(ImportJob.Outcome.FAILED, name + ": not stored (" + e.getMessage() + ")");
            return;
        }
        if (existed) {
            // the duplicate policy decided: replaced, kept, or refused
            record(ImportJob.Outcome.DUPLICATE, null);
        } else if (status.isSuccess() || (status.code() & 0xF000) == 0xB000) {
            record(ImportJob.Outcome.IMPORTED, null);
        } else {
            record(ImportJob.Outcome.FAILED, name + ": status " + String.format("%04X", status.code()) + " "
                    + (status.comment() == null ? "" : status.comment()));
        }
    }

    private void record(ImportJob.Outcome outcome, String error) {
        if (error != null) {
            LOG.warning(() -> "import " + id + ": " + error);
        }
        ctx.jobs().tried(id, outcome, error);
    }

    private void deleteQuietly(Path dir) {
        try {
            MediaWorkspace.delete(dir);
        } catch (IOException e) {
            LOG.warning(() -> "import " + id + ": cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
