package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Records when studies were last retrieved (their {@code accessed_at}, by the storage manager's
 * clock): the "age since last access" rules and the watermark evictor (least recently accessed
 * first) read it. In a transaction of its own, so a retrieve holds no study row locked.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccessRecorder {

    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    HsmClock clock;

    /** A study was recalled (someone asked for it): its last access is now. */
    public void recalled(String studyInstanceUid) {
        em.createQuery("UPDATE Study s SET s.accessedAt = :now WHERE s.studyInstanceUid = :uid AND s.accessedAt < :now")
                .setParameter("now", clock.now()).setParameter("uid", studyInstanceUid).executeUpdate();
    }

    /** The studies of these instances were accessed now; returns how many studies. */
    public int retrieved(List<String> sopInstanceUids) {
        Instant now = clock.now();
        int studies = 0;
        for (int from = 0; from < sopInstanceUids.size(); from += CHUNK) {
            List<String> chunk = sopInstanceUids.subList(from, Math.min(sopInstanceUids.size(), from + CHUNK));
            studies += em.createQuery("UPDATE Study s SET s.accessedAt = :now WHERE s.accessedAt < :now AND s.pk IN"
                            + " (SELECT se.study.pk FROM Instance i JOIN i.series se WHERE i.sopInstanceUid IN :uids)")
                    .setParameter("now", now).setParameter("uids", chunk).executeUpdate();
        }
        return studies;
    }
}
