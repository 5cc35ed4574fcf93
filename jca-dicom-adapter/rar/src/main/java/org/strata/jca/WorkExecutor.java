package org.strata.jca;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the network layer's tasks (accept loop, association readers, DIMSE dispatchers) as
 * Jakarta Connectors Work on the container's work manager (JCA 2.1 10.3), each marked
 * long-running (JCA 2.1 11.6.1 hints): they live as long as their association.
 */
final class WorkExecutor implements Executor {

    private final WorkManager workManager;

    WorkExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            // INDEFINITE, not IMMEDIATE: with IMMEDIATE a work that cannot start at once (a busy
            // machine) is rejected to the (absent) WorkListener only, and the DIMSE request it
            // carried was never served: the peer waited for a response until its timeout
            workManager.scheduleWork(new LongRunningWork(task), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("work manager refused a DICOM task: " + e.getMessage(), e);
        }
    }

    /** One task, hinted as long-running so the container runs it on its long-running pool. */
    private static final class LongRunningWork implements Work, WorkContextProvider {

        private static final long serialVersionUID = 1L;

        private final transient Runnable task;

        LongRunningWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        /** The task ends with its socket: closing the listener or association releases it. */
        @Override
        public void release() {
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setName("Strata DICOM");
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            return List.of(hints);
        }
    }
}
