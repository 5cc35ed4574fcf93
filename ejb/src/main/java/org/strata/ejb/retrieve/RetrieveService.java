package org.strata.ejb.retrieve;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.ae.RemoteAEConfig;
import org.strata.ejb.ae.RemoteAEService;
import org.strata.ejb.hsm.CopyReader;
import org.strata.ejb.query.InformationModel;
import org.strata.ejb.query.QueryLevel;
import org.strata.ejb.transcode.RetrieveTranscoding;
import org.strata.ejb.transcode.TranscodePlan;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.RetrieveContext;
import org.strata.jca.api.RetrieveOutcome;
import org.strata.jca.api.RemoteTarget;
import org.strata.jca.api.RetrieveRequest;
import org.strata.jca.api.StoreSubOperations;

/**
 * C-MOVE SCP (PS3.4 C.4.2.3) and C-GET SCP (PS3.4 C.4.3.3): the identifier selects instances;
 * each becomes a C-STORE sub-operation, in its stored transfer syntax or transcoded to one the
 * peer accepted, with a pending response after each, until done or cancelled. Instances that
 * need transcoding are transcoded ahead on the container's managed executor while the one before
 * them is sent ({@link TranscodeAhead}); they still go out one by one, in order.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetrieveService {

    private static final Logger LOG = Logger.getLogger(RetrieveService.class.getName());

    /** PS3.4 C.4.2.1.4 statuses. */
    static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    static final int UNABLE_TO_PERFORM_SUBOPERATIONS = 0xA702;
    static final int SUBOPERATIONS_COMPLETE_WITH_FAILURES = 0xB000;

    @EJB
    RetrieveQuery retrieveQuery;

    @EJB
    RemoteAEService aes;

    @EJB
    CopyReader copies;

    @EJB
    RetrieveTranscoding transcoding;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = DicomConnector.JNDI_NAME)
    DicomConnector connector;

    public RetrieveOutcome retrieve(AssociationInfo as, RetrieveRequest rq, Attributes identifier,
                                    RetrieveContext context) {
        InformationModel model = InformationModel.ofRetrieve(rq.sopClassUid());
        QueryLevel level = QueryLevel.of(identifier.getString(Tag.QueryRetrieveLevel));
        if (model == null || level == null || !model.offers(level)) {
            return refuse(as, IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Query/Retrieve Level "
                    + identifier.getString(Tag.QueryRetrieveLevel) + " not in this information model");
        }
        Optional<RemoteAEConfig> destination = rq.isMove() ? aes.find(rq.moveDestination()) : Optional.empty();
        if (rq.isMove()) {
            if (destination.isEmpty()) {
                return refuse(as, MOVE_DESTINATION_UNKNOWN, "Move Destination unknown: " + rq.moveDestination());
            }
        }
        List<RetrieveItem> items = retrieveQuery.items(level, identifier);
        if (items.isEmpty()) {
            return new RetrieveOutcome(DimseStatus.SUCCESS, 0, 0, 0, List.of());
        }
        Progress progress = new Progress(items.size());
        TranscodePlan plan = transcoding.planFor(destination.map(RemoteAEConfig::aeTitle).orElse(as.callingAeTitle()));
        try (StoreSubOperations ops = open(as, rq, context, destination, items, plan);
             TranscodeAhead ahead = new TranscodeAhead(executor, transcoding.ahead(), items.size())) {
            for (int i = 0; i < items.size(); i++) {
                if (context.cancelled()) {
                    break;
                }
                ahead.advance(i, j -> transcodingAhead(ops, items.get(j), plan));
                send(as, ops, items.get(i), plan, progress, ahead.take(i));
                if (!context.pending(progress.remaining(), progress.completed, progress.failedUids.size(),
                        progress.warning)) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> as.name() + ": retrieve to " + destination.map(RemoteAEConfig::aeTitle).orElse("requestor")
                    + " failed: " + e.getMessage());
            progress.failRemaining(items);
            return progress.outcome(DimseStatus.of(UNABLE_TO_PERFORM_SUBOPERATIONS, e.getMessage()));
        }
        return progress.outcome(null);
    }

    /**
     * C-GET: the requestor's association. C-MOVE: a pooled association to the destination from the
     * adapter's connection factory, proposing each SOP class in its stored syntaxes; closing the
     * sub-operations returns it to the pool.
     */
    private StoreSubOperations open(AssociationInfo as, RetrieveRequest rq, RetrieveContext context,
                                    Optional<RemoteAEConfig> destination, List<RetrieveItem> items, TranscodePlan plan)
            throws IOException {
        if (destination.isEmpty()) {
            return context.requestor();
        }
        Map<String, Set<String>> sopClasses = new LinkedHashMap<>();
        items.forEach(i -> sopClasses.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
        RemoteAEConfig d = destination.get();
        RemoteTarget target = new RemoteTarget(as.calledAeTitle(), d.aeTitle(), d.host(), d.port(), d.tls(),
                RemoteTarget.Role.SCU);
        return connector.connect(AssociationSpec.forStorage(target, sopClasses, plan.alternatives()))
                .storeSubOperations(as.callingAeTitle(), rq.messageId()); // PS3.7 9.1.1.1 Move Originator
    }

    /** The transcoded data set of an instance for {@link TranscodeAhead}; null when it is sent as stored or not at all. */
    private StoreSubOperations.DataSet transcodingAhead(StoreSubOperations ops, RetrieveItem item, TranscodePlan plan) {
        String stored = item.transferSyntaxUid();
        return plan.target(stored, ops.accepted(item.sopClassUid())).filter(ts -> !ts.equals(stored))
                .map(ts -> dataSet(item, ts, plan)).orElse(null);
    }

    /** The data set of a stored instance in {@code ts}: copied when that is the stored syntax, else transcoded. */
    private StoreSubOperations.DataSet dataSet(RetrieveItem item, String ts, TranscodePlan plan) {
        String stored = item.transferSyntaxUid();
        return out -> {
            try (InputStream in = copies.open(item.storageId(), item.objectId())) {
                if (ts.equals(stored)) {
                    StoredDataSet.copy(in, out);
                } else {
                    plan.transcode(StoredDataSet.skipFileMeta(in), stored, out, ts);
                }
            }
        };
    }

    /**
     * One C-STORE sub-operation: in the stored transfer syntax when the peer accepted it, else
     * transcoded to the best accepted lossless one (lossy only if the destination is allowed it);
     * none acceptable fails it, with an Error Comment in the final response. {@code ahead} is the
     * data set when it was transcoded ahead.
     */
    private void send(AssociationInfo as, StoreSubOperations ops, RetrieveItem item, TranscodePlan plan,
                      Progress progress, Optional<StoreSubOperations.DataSet> ahead) {
        progress.sent++;
        String stored = item.transferSyntaxUid();
        Optional<String> target = plan.target(stored, ops.accepted(item.sopClassUid()));
        if (target.isEmpty()) {
            LOG.warning(() -> as.name() + ": " + item.sopInstanceUid() + " not sent: " + plan.noTargetComment()
                    + " (" + item.sopClassUid() + " stored in " + stored + ")");
            progress.fail(item.sopInstanceUid(), plan.noTargetComment());
            return;
        }
        String ts = target.get();
        try {
            DimseStatus status = ops.store(item.sopClassUid(), item.sopInstanceUid(), ts,
                    ahead.orElseGet(() -> dataSet(item, ts, plan)));
            if (status.isSuccess()) {
                progress.completed++;
            } else if ((status.code() & 0xF000) == 0xB000) {
                progress.warning++;
            } else {
                progress.fail(item.sopInstanceUid(), status.comment());
            }
        } catch (IOException e) {
            LOG.warning(() -> as.name() + ": C-STORE of " + item.sopInstanceUid() + " failed: " + e.getMessage());
            progress.fail(item.sopInstanceUid(), e.getMessage());
        }
    }

    private static RetrieveOutcome refuse(AssociationInfo as, int status, String comment) {
        LOG.warning(() -> as.name() + ": retrieve refused (" + Integer.toHexString(status) + "): " + comment);
        return RetrieveOutcome.refused(DimseStatus.of(status, comment));
    }

    /** Sub-operation counts of one retrieve (PS3.4 C.4.2.1.3). */
    private static final class Progress {
        final int total;
        int sent;
        int completed;
        int warning;
        final List<String> failedUids = new ArrayList<>();
        String lastFailure;

        Progress(int total) {
            this.total = total;
        }

        int remaining() {
            return total - sent;
        }

        void fail(String sopInstanceUid, String comment) {
            failedUids.add(sopInstanceUid);
            if (comment != null) {
                lastFailure = comment;
            }
        }

        void failRemaining(List<RetrieveItem> items) {
            items.subList(sent, items.size()).forEach(i -> failedUids.add(i.sopInstanceUid()));
            sent = total;
        }

        RetrieveOutcome outcome(DimseStatus failure) {
            DimseStatus status = failure;
            if (status == null) {
                status = failedUids.isEmpty() && warning == 0 ? DimseStatus.SUCCESS
                        : completed + warning == 0 ? DimseStatus.of(UNABLE_TO_PERFORM_SUBOPERATIONS,
                                lastFailure != null ? lastFailure : "every sub-operation failed")
                        : DimseStatus.of(SUBOPERATIONS_COMPLETE_WITH_FAILURES, lastFailure);
            }
            return new RetrieveOutcome(status, completed, failedUids.size(), warning, failedUids);
        }
    }
}
