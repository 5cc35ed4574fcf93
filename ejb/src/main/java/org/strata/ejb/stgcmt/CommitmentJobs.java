package org.strata.ejb.stgcmt;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.jca.api.AssociationInfo;

/** The persisted storage commitment jobs, each change in its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CommitmentJobs {

    /** How long a claimed job is left to its worker before the scheduler may take it again. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @EJB
    SettingsService settings;

    public long create(AssociationInfo as, String replyHandle, Attributes request) {
        StorageCommitmentJob job = new StorageCommitmentJob(request.getString(Tag.TransactionUID),
                as.callingAeTitle(), as.calledAeTitle(), replyHandle,
                CommitmentSettings.policy(settings, as.callingAeTitle()), DataSetCodec.encode(request),
                request.getSequence(Tag.ReferencedSOPSequence).size(), Instant.now());
        em.persist(job);
        em.flush();
        return job.getPk();
    }

    /** Takes a due job for one worker: true when this caller got it. */
    public boolean claim(long pk) {
        Instant now = Instant.now();
        return em.createNamedQuery(StorageCommitmentJob.CLAIM).setParameter("lease", now.plus(LEASE))
                .setParameter("pk", pk).setParameter("now", now).executeUpdate() == 1;
    }

    public List<Long> due(int max) {
        return em.createNamedQuery(StorageCommitmentJob.FIND_DUE, Long.class).setParameter("now", Instant.now())
                .setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<StorageCommitmentJob> find(long pk) {
        return Optional.ofNullable(em.find(StorageCommitmentJob.class, pk));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StorageCommitmentJob> byTransaction(String transactionUid) {
        return em.createNamedQuery(StorageCommitmentJob.FIND_BY_TRANSACTION, StorageCommitmentJob.class)
                .setParameter("uid", transactionUid).getResultList();
    }

    public void evaluated(long pk, CommitmentReport report) {
        em.find(StorageCommitmentJob.class, pk).evaluated(DataSetCodec.encode(report.eventInformation()),
                report.eventType(), report.failed());
    }

    public void reported(long pk) {
        em.find(StorageCommitmentJob.class, pk).reported(Instant.now());
    }

    public void retryLater(long pk, String error, Instant next) {
        em.find(StorageCommitmentJob.class, pk).failedAttempt(error, next);
    }

    public void abandon(long pk, String error) {
        em.find(StorageCommitmentJob.class, pk).abandon(error);
    }
}
