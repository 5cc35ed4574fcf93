package org.strata.ejb.ian;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every few seconds: studies idle for {@code ian.idle-seconds} get their IAN queued (PS3.4 R). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IanScheduler {

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    IanService ian;

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void notifyIdleStudies() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (ian.subscribers().isEmpty()) {
                return;
            }
            ian.idleStudies().forEach(study -> ian.notifyStudy(study, null));
        } finally {
            running.set(false);
        }
    }
}
