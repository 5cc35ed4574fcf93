package org.strata.ejb.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persisted server-side imports, each call in its own transaction (an import outlives them). */
@Stateless
@PermitAll
public class ImportJobs {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public void create(String id, String path) {
        em.persist(new ImportJob(id, path, Instant.now()));
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(em.find(ImportJob.class, id));
    }

    /** The newest {@code max} imports, newest first. */
    public List<ImportJob> recent(int max) {
        return em.createNamedQuery(ImportJob.FIND_RECENT, ImportJob.class).setMaxResults(max).getResultList();
    }

    public void planned(String id, String kind, boolean fromDicomdir, int total, List<String> planErrors) {
        ImportJob j = em.find(ImportJob.class, id);
        if (j != null) {
            j.planned(kind, fromDicomdir, total, planErrors, Instant.now());
        }
    }

    public void tried(String id, ImportJob.Outcome outcome, String error) {
        ImportJob j = em.find(ImportJob.class, id);
        if (j != null) {
            j.tried(outcome, error, Instant.now());
        }
    }

    public void finish(String id, ImportState end, String detail) {
        ImportJob j = em.find(ImportJob.class, id);
        if (j != null) {
            j.finish(end, detail, Instant.now());
        }
    }

    /** Imports accepted but not finished: resumed after a restart. */
    public List<String> unfinished() {
        return em.createNamedQuery(ImportJob.FIND_UNFINISHED, ImportJob.class)
                .setParameter("states", List.of(ImportState.QUEUED, ImportState.RUNNING)).getResultList().stream()
                .map(ImportJob::getId).toList();
    }

    /** Whether an instance with this SOP Instance UID is indexed (to tell duplicates from new ones). */
    public boolean stored(String sopInstanceUid) {
        return !em.createQuery("SELECT i.pk FROM Instance i WHERE i.sopInstanceUid = :uid")
                .setParameter("uid", sopInstanceUid).setMaxResults(1).getResultList().isEmpty();
    }
}
