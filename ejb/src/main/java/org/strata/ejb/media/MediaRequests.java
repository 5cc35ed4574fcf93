package org.strata.ejb.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persisted Media Creation Requests, each call in its own transaction (a job outlives them). */
@Stateless
@PermitAll
public class MediaRequests {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public void create(String sopInstanceUid, MediaOrder order) {
        em.persist(new MediaRequest(sopInstanceUid, order, Instant.now()));
    }

    public Optional<MediaRequest> find(String sopInstanceUid) {
        return Optional.ofNullable(em.find(MediaRequest.class, sopInstanceUid));
    }

    /** PS3.4 S.3.2.2.1: IDLE → PENDING; false if it was not IDLE (initiated before). */
    public boolean initiate(String sopInstanceUid, int copies, String priority) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r == null || r.getStatus() != ExecutionStatus.IDLE) {
            return false;
        }
        r.initiate(copies, priority, Instant.now());
        return true;
    }

    /** Sets the status; false when the request is gone (cancelled meanwhile). */
    public boolean status(String sopInstanceUid, ExecutionStatus status, String info, String detail) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r == null) {
            return false;
        }
        r.status(status, info, detail, Instant.now());
        return true;
    }

    /** Final FAILURE with the Failed SOP Sequence (PS3.4 S.3.2.2.1). */
    public void fail(String sopInstanceUid, String info, String detail, List<String> failedUids) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r != null) {
            r.failed(failedUids);
            r.status(ExecutionStatus.FAILURE, info, detail, Instant.now());
        }
    }

    public boolean progress(String sopInstanceUid, int total, int written) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r == null) {
            return false;
        }
        r.progress(total, written, Instant.now());
        return true;
    }

    public void done(String sopInstanceUid, int pieces) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r != null) {
            r.pieces(pieces);
            r.status(ExecutionStatus.DONE, "NORMAL", null, Instant.now());
        }
    }

    /** Requests initiated but not finished: resumed after a restart. */
    public List<String> unfinished() {
        return em.createNamedQuery(MediaRequest.FIND_UNFINISHED, MediaRequest.class)
                .setParameter("statuses", List.of(ExecutionStatus.PENDING, ExecutionStatus.CREATING))
                .getResultList().stream().map(MediaRequest::getSopInstanceUid).toList();
    }

    /** Deletes the request (PS3.4 S.3.2.2.2: a cancelled request ceases to exist); false if gone. */
    public boolean delete(String sopInstanceUid) {
        MediaRequest r = em.find(MediaRequest.class, sopInstanceUid);
        if (r == null) {
            return false;
        }
        em.remove(r);
        return true;
    }
}
