package org.strata.ejb.stgcmt;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.UID;
import org.strata.ejb.ae.RemoteAEConfig;
import org.strata.ejb.ae.RemoteAEService;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.DicomConnection;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.RemoteTarget;

/**
 * Evaluates a storage commitment job and delivers its N-EVENT-REPORT (PS3.4 J.3.3): on the
 * requester's association while it is open, otherwise on a new association to the requester's
 * AE from the AE table, proposing the SCP role (PS3.4 J.3.3 / PS3.7 D.3.3.4). A report that
 * cannot be delivered is retried with back-off until the give-up time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitmentWorker {

    private static final Logger LOG = Logger.getLogger(CommitmentWorker.class.getName());

    @EJB
    CommitmentJobs jobs;

    @EJB
    CommitmentEvaluator evaluator;

    @EJB
    RemoteAEService aes;

    @EJB
    SettingsService settingsService;

    @Resource(lookup = DicomConnector.JNDI_NAME)
    DicomConnector connector;

    @Asynchronous
    public void process(long pk) {
        if (!jobs.claim(pk)) {
            return; // another worker has it, or it is not due
        }
        StorageCommitmentJob job = jobs.find(pk).orElseThrow();
        CommitmentSettings settings = CommitmentSettings.read(settingsService);
        Instant giveUpAt = job.getReceivedAt().plus(settings.giveUp());
        try {
            Attributes report;
            int eventType;
            if (job.getReport() == null) {
                CommitmentReport r = evaluator.evaluate(DataSetCodec.decode(job.getRequest()), job.getPolicy(),
                        Instant.now().isAfter(giveUpAt));
                if (!r.complete()) {
                    jobs.retryLater(pk, "waiting for second-tier copies", Instant.now().plus(
                            settings.backOff(job.getAttempts())));
                    return;
                }
                jobs.evaluated(pk, r);
                report = r.eventInformation();
                eventType = r.eventType();
            } else {
                report = DataSetCodec.decode(job.getReport());
                eventType = job.getEventType();
            }
            NServiceResponse rsp = deliver(job, report, eventType);
            if (!rsp.status().isSuccess()) {
                LOG.warning(() -> "storage commitment " + job.getTransactionUid() + ": " + job.getRequesterAeTitle()
                        + " answered the N-EVENT-REPORT with status " + Integer.toHexString(rsp.status().code())
                        + " " + rsp.status().comment());
            }
            jobs.reported(pk);
            LOG.info(() -> "storage commitment " + job.getTransactionUid() + " reported to "
                    + job.getRequesterAeTitle() + " (event type " + eventType + ")");
        } catch (IOException | RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (Instant.now().isAfter(giveUpAt)) {
                LOG.log(Level.SEVERE, "storage commitment " + job.getTransactionUid() + " given up: " + error);
                jobs.abandon(pk, error);
            } else {
                Instant next = Instant.now().plus(settings.backOff(job.getAttempts()));
                LOG.warning(() -> "storage commitment " + job.getTransactionUid() + ": report not delivered ("
                        + error + "), next attempt at " + next);
                jobs.retryLater(pk, error, next);
            }
        }
    }

    private NServiceResponse deliver(StorageCommitmentJob job, Attributes report, int eventType) throws IOException {
        OutboundRequest rq = OutboundRequest.eventReport(UID.StorageCommitmentPushModel,
                UID.StorageCommitmentPushModelInstance, eventType, report);
        if (job.getReplyHandle() != null) {
            Optional<NServiceResponse> same = connector.sendOnAssociation(job.getReplyHandle(), rq);
            if (same.isPresent()) {
                return same.get();
            }
        }
        RemoteAEConfig ae = aes.find(job.getRequesterAeTitle()).orElseThrow(() -> new IOException(
                job.getRequesterAeTitle() + " has closed its association and is not in the AE table"));
        RemoteTarget target = new RemoteTarget(job.getCalledAeTitle(), ae.aeTitle(), ae.host(), ae.port(), ae.tls(),
                RemoteTarget.Role.SCP); // PS3.4 J.3.3: the SCP of Storage Commitment sends N-EVENT-REPORT
        try (DicomConnection c = connector.connect(AssociationSpec.forNService(target, rq.sopClassUid()))) {
            return c.send(rq);
        }
    }
}
