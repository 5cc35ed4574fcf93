package org.strata.ejb.stgcmt;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Resumes storage commitments: every few seconds the due jobs (retried, waiting for a second
 * copy, or left by a restart, whose associations are gone) go to a worker.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitmentScheduler {

    static final int BATCH = 100;

    @EJB
    CommitmentJobs jobs;

    @EJB
    CommitmentWorker worker;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void dispatchDue() {
        jobs.due(BATCH).forEach(worker::process);
    }
}
