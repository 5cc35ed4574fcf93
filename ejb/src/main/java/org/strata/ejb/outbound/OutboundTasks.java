package org.strata.ejb.outbound;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** State changes of queued tasks, each in its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboundTasks {

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    /** The oldest pending task of each destination, when it is due. */
    public List<OutboundTask> dueHeads() {
        List<Long> heads = em.createNamedQuery(OutboundTask.HEADS, Long.class)
                .setParameter("state", OutboundTask.State.PENDING).getResultList();
        Instant now = Instant.now();
        return heads.stream().map(pk -> em.find(OutboundTask.class, pk))
                .filter(t -> !t.getNextAttemptAt().isAfter(now)).toList();
    }

    public void sent(long pk, int status) {
        em.find(OutboundTask.class, pk).sent(status);
    }

    public void retryLater(long pk, String error, Instant next) {
        em.find(OutboundTask.class, pk).failedAttempt(error, next);
    }

    public void giveUp(long pk, String error) {
        em.find(OutboundTask.class, pk).giveUp(error);
    }
}
