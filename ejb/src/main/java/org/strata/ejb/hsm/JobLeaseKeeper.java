package org.strata.ejb.hsm;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's claims on the jobs it runs: every fifteen seconds it extends their leases
 * (setting {@value JobQueue#LEASE_SETTING}, default one minute). A node that dies stops renewing,
 * and once its leases have run out other nodes take its jobs over. Apart from {@link JobWorker},
 * whose timer is busy while a job runs.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobLeaseKeeper {

    private static final Logger LOG = Logger.getLogger(JobLeaseKeeper.class.getName());

    @EJB
    JobQueue queue;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void renew() {
        try {
            queue.renewLeases(HsmNode.current(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot renew the leases of this node's storage jobs: " + e.getMessage(), e);
        }
    }
}
