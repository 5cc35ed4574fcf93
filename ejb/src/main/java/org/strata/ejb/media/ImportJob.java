package org.strata.ejb.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * A server-side import of a medium (PS3.10 File-Set Reader): the path it reads, how far it got
 * (files tried, in plan order, so a restart resumes after the last one) and the outcome counts.
 */
@Entity
@Table(name = "import_job")
@NamedQuery(name = ImportJob.FIND_UNFINISHED,
        query = "SELECT j FROM ImportJob j WHERE j.state IN :states ORDER BY j.createdAt")
@NamedQuery(name = ImportJob.FIND_RECENT, query = "SELECT j FROM ImportJob j ORDER BY j.createdAt DESC")
public class ImportJob {

    public static final String FIND_UNFINISHED = "ImportJob.findUnfinished";
    public static final String FIND_RECENT = "ImportJob.findRecent";

    /** Error lines kept per job; further ones are counted, not stored. */
    public static final int MAX_ERROR_LINES = 1000;

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Version
    private long version;

    @Column(name = "path", length = 4096, nullable = false)
    private String path;

    /** FOLDER, DICOMDIR, ISO, ZIP or TAR, once known. */
    @Column(name = "kind", length = 16)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private ImportState state = ImportState.QUEUED;

    @Column(name = "from_dicomdir", nullable = false)
    private boolean fromDicomdir;

    /** Files planned (referenced by the DICOMDIR, or found by walking the tree). */
    @Column(name = "total", nullable = false)
    private int total;

    /** Files tried so far, in plan order. */
    @Column(name = "processed", nullable = false)
    private int processed;

    @Column(name = "imported", nullable = false)
    private int imported;

    @Column(name = "duplicate", nullable = false)
    private int duplicate;

    @Column(name = "failed", nullable = false)
    private int failed;

    /** One line per problem (file: reason). */
    @Lob
    @Column(name = "errors")
    private String errors = "";

    @Column(name = "detail", length = 1024)
    private String detail;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant updatedAt;

    protected ImportJob() {
    }

    public ImportJob(String id, String path, Instant now) {
        this.id = id;
        this.path = path;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The plan is made: its size and the problems found while unpacking and planning (each a failure). */
    public void planned(String kind, boolean fromDicomdir, int total, List<String> planErrors, Instant now) {
        this.kind = kind;
        this.fromDicomdir = fromDicomdir;
        this.total = total;
        this.failed += planErrors.size();
        addErrors(planErrors);
        this.state = ImportState.RUNNING;
        this.updatedAt = now;
    }

    /** One more planned file tried. */
    public void tried(Outcome outcome, String error, Instant now) {
        processed++;
        switch (outcome) {
            case IMPORTED -> imported++;
            case DUPLICATE -> duplicate++;
            case FAILED -> failed++;
        }
        if (error != null) {
            addErrors(List.of(error));
        }
        updatedAt = now;
    }

    public void finish(ImportState end, String detail, Instant now) {
        this.state = end;
        this.detail = detail;
        this.updatedAt = now;
    }

    private void addErrors(List<String> lines) {
        List<String> kept = new ArrayList<>(errorLines());
        for (String l : lines) {
            if (kept.size() < MAX_ERROR_LINES) {
                kept.add(l.replace('\n', ' '));
            }
        }
        errors = String.join("\n", kept);
    }

    /** What a tried file came to. */
    public enum Outcome {
        IMPORTED, DUPLICATE, FAILED
    }

    public List<String> errorLines() {
        return errors == null || errors.isEmpty() ? List.of() : List.of(errors.split("\n"));
    }

    public String getId() {
        return id;
    }

    public String getPath() {
        return path;
    }

    public String getKind() {
        return kind;
    }

    public ImportState getState() {
        return state;
    }

    public boolean isFromDicomdir() {
        return fromDicomdir;
    }

    public int getTotal() {
        return total;
    }

    public int getProcessed() {
        return processed;
    }

    public int getImported() {
        return imported;
    }

    public int getDuplicate() {
        return duplicate;
    }

    public int getFailed() {
        return failed;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
