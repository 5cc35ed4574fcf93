package org.strata.ejb.stgcmt;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.ejb.dimse.NService;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.NOperation;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * Storage Commitment Push Model SCP (PS3.4 J.3): the N-ACTION "Request Storage Commitment" is
 * checked and persisted, answered at once, and evaluated and reported asynchronously by
 * {@link CommitmentWorker}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageCommitmentService implements NService {

    private static final Logger LOG = Logger.getLogger(StorageCommitmentService.class.getName());

    /** Action Type ID "Request Storage Commitment" (PS3.4 J.3.2.1.1). */
    static final int REQUEST_STORAGE_COMMITMENT = 1;

    static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    static final int INVALID_ARGUMENT_VALUE = 0x0115;
    static final int NO_SUCH_ACTION_TYPE = 0x0123;
    static final int UNRECOGNIZED_OPERATION = 0x0211;
    static final int PROCESSING_FAILURE = 0x0110;

    @EJB
    CommitmentJobs jobs;

    @EJB
    CommitmentWorker worker;

    @Override
    public Set<String> sopClassUids() {
        return Set.of(UID.StorageCommitmentPushModel);
    }

    @Override
    public NServiceResponse handle(AssociationInfo as, NServiceRequest rq, Attributes dataSet) {
        // PS3.4 J.3.2: the SCU invokes N-ACTION on the well-known SOP instance
        if (rq.operation() != NOperation.N_ACTION) {
            return NServiceResponse.of(UNRECOGNIZED_OPERATION, rq.operation() + " is not part of Storage Commitment");
        }
        if (!UID.StorageCommitmentPushModelInstance.equals(rq.sopInstanceUid())) {
            return NServiceResponse.of(NO_SUCH_SOP_INSTANCE, "expected the well-known instance "
                    + UID.StorageCommitmentPushModelInstance);
        }
        if (rq.typeId() != REQUEST_STORAGE_COMMITMENT) {
            return NServiceResponse.of(NO_SUCH_ACTION_TYPE, "Action Type ID " + rq.typeId() + " is not 1");
        }
        String invalid = invalidActionInformation(dataSet);
        if (invalid != null) {
            LOG.info(() -> as.name() + ": storage commitment refused: " + invalid);
            return NServiceResponse.of(INVALID_ARGUMENT_VALUE, invalid);
        }
        long job;
        try {
            job = jobs.create(as, rq.replyHandle(), dataSet);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, as.name() + ": storage commitment not recorded: " + e.getMessage(), e);
            return NServiceResponse.of(PROCESSING_FAILURE, "cannot record the request");
        }
        LOG.info(() -> as.name() + ": storage commitment " + dataSet.getString(Tag.TransactionUID) + " of "
                + dataSet.getSequence(Tag.ReferencedSOPSequence).size() + " instances accepted (job " + job + ")");
        worker.process(job);
        return NServiceResponse.SUCCESS;
    }

    /** PS3.4 J.3.2.1.1 Table J.3-1: Transaction UID and Referenced SOP Sequence (class, instance) are required. */
    static String invalidActionInformation(Attributes ds) {
        if (ds == null) {
            return "no Action Information";
        }
        String tx = ds.getString(Tag.TransactionUID);
        if (tx == null || tx.isBlank()) {
            return "Transaction UID (0008,1195) missing";
        }
        Sequence refs = ds.getSequence(Tag.ReferencedSOPSequence);
        if (refs == null || refs.isEmpty()) {
            return "Referenced SOP Sequence (0008,1199) missing or empty";
        }
        for (Attributes item : refs) {
            if (item.getString(Tag.ReferencedSOPClassUID) == null || item.getString(Tag.ReferencedSOPInstanceUID) == null) {
                return "Referenced SOP Sequence item without SOP Class or SOP Instance UID";
            }
        }
        return null;
    }
}
