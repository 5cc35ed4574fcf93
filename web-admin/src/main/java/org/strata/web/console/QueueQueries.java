package org.strata.web.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.strata.ejb.media.MediaRequest;
import org.strata.ejb.stgcmt.StorageCommitmentJob;

/**
 * Read-only lists of the queues the console shows besides the storage jobs: storage commitment
 * (PS3.4 J), DIMSE-N forwarding (IAN, MPPS) and media creation requests (PS3.4 S).
 */
@Stateless
@PermitAll
public class QueueQueries {

    /** At most this many entries per queue are listed, newest first. */
    public static final int MAX = 200;

    /** A storage commitment request. */
    public record CommitmentRow(long id, String transactionUid, String requester, String state, int instances,
                                int failed, int attempts, String receivedAt, String reportedAt, String lastError) {
    }

    /** A queued DIMSE-N request for a remote AE. */
    public record OutboundRow(long id, String purpose, String destination, String operation, String state,
                              int attempts, Integer status, String createdAt, String lastError) {
    }

    /** A media creation request. */
    public record MediaRow(String id, String status, String statusInfo, String profile, String output, int total,
                           int written, int pieces, List<String> studies, String createdAt) {

        public String studyList() {
            return String.join(" ", studies);
        }

        /** Written instances in percent of the total, 0 before the total is known. */
        public int percent() {
            return total == 0 ? 0 : (int) (100L * written / total);
        }
    }

    // the unit lives in the EJB module: a WAR finds it only by its path in the EAR
    @PersistenceContext(unitName = "../ejb.jar#strata")
    EntityManager em;

    public List<CommitmentRow> commitments() {
        return em.createQuery("SELECT j FROM StorageCommitmentJob j ORDER BY j.pk DESC", StorageCommitmentJob.class)
                .setMaxResults(MAX).getResultStream()
                .map(j -> new CommitmentRow(j.getPk(), j.getTransactionUid(), j.getRequesterAeTitle(), j.getState().name(),
                        j.getInstanceCount(), j.getFailedCount(), j.getAttempts(), String.valueOf(j.getReceivedAt()),
                        j.getReportedAt() == null ? "" : j.getReportedAt().toString(), j.getLastError()))
                .toList();
    }

    public List<OutboundRow> outbound() {
        // columns, not the entity: its DIMSE-N operation type lives in the adapter's API jar
        return em.createQuery("SELECT t.pk, t.purpose, t.destination, t.operation, t.state, t.attempts, t.status,"
                        + " t.createdAt, t.lastError FROM OutboundTask t ORDER BY t.pk DESC", Object[].class)
                .setMaxResults(MAX).getResultStream()
                .map(r -> new OutboundRow((Long) r[0], (String) r[1], (String) r[2], String.valueOf(r[3]),
                        String.valueOf(r[4]), (Integer) r[5], (Integer) r[6], String.valueOf(r[7]), (String) r[8]))
                .toList();
    }

    public List<MediaRow> media() {
        return em.createQuery("SELECT m FROM MediaRequest m ORDER BY m.createdAt DESC", MediaRequest.class)
                .setMaxResults(MAX).getResultStream()
                .map(m -> new MediaRow(m.getSopInstanceUid(), m.getStatus().name(), m.getStatusInfo(), m.order().profile(),
                        m.order().output(), m.getTotal(), m.getWritten(), m.getPieces(), m.order().studies(),
                        String.valueOf(m.getCreatedAt())))
                .toList();
    }
}
