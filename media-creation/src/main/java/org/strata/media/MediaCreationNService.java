package org.strata.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.dimse.NService;
import org.strata.ejb.media.MediaOrder;
import org.strata.ejb.media.MediaRequest;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * Media Creation Management SCP (PS3.4 Annex S, SOP Class 1.2.840.10008.5.1.1.33): N-CREATE of a
 * Media Creation Request, N-ACTION 1 (initiate) and 2 (cancel), N-GET of its execution status.
 * The same requests as {@code /strata/api/media}, through {@link MediaCreationService}. Output
 * (ISO, ZIP, folder or burner) comes from the setting {@code media.mcm.output} (default iso).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaCreationNService implements NService {

    private static final Logger LOG = Logger.getLogger(MediaCreationNService.class.getName());

    static final String OUTPUT_SETTING = "media.mcm.output";

    /** PS3.7 C statuses. */
    static final int ATTRIBUTE_LIST_ERROR = 0x0107;
    static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    static final int MISSING_ATTRIBUTE = 0x0120;
    static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    static final int NO_SUCH_ACTION_TYPE = 0x0123;
    static final int UNRECOGNIZED_OPERATION = 0x0211;
    static final int WARNING_UNSUPPORTED_ATTRIBUTES = 0x0001;
    /** PS3.4 S.3.2.2.1.3 / S.3.2.2.2.3 (Annex S status codes). */
    static final int INITIATE_ALREADY_RECEIVED = 0xA510;
    static final int CANCEL_ALREADY_COMPLETED = 0xC201;

    /** The attributes N-GET answers (PS3.4 S.3.3.1). */
    static final List<Integer> GET_ATTRIBUTES = List.of(Tag.ExecutionStatus, Tag.ExecutionStatusInfo,
            Tag.TotalNumberOfPiecesOfMediaCreated, Tag.FailedSOPSequence, Tag.ReferencedStorageMediaSequence);

    @EJB
    MediaCreationService media;

    @EJB
    SettingsService settings;

    @Override
    public Set<String> sopClassUids() {
        return Set.of(UID.MediaCreationManagement);
    }

    @Override
    public NServiceResponse handle(AssociationInfo as, NServiceRequest rq, Attributes dataSet) {
        return switch (rq.operation()) {
            case N_CREATE -> create(as, rq, dataSet);
            case N_ACTION -> action(as, rq, dataSet);
            case N_GET -> get(rq);
            default -> NServiceResponse.of(UNRECOGNIZED_OPERATION, rq.operation() + " is not part of Annex S");
        };
    }

    /**
     * PS3.4 S.3.1.2.1: success means the request was received; it is checked when initiated. What
     * cannot be represented at all (no Referenced SOP Sequence, a profile we do not write) is refused here.
     */
    private NServiceResponse create(AssociationInfo as, NServiceRequest rq, Attributes ds) {
        if (ds == null || ds.getSequence(Tag.ReferencedSOPSequence) == null
                || ds.getSequence(Tag.ReferencedSOPSequence).isEmpty()) {
            return refuse(as, MISSING_ATTRIBUTE, "Referenced SOP Sequence (0008,1199) is required");
        }
        List<String> instances = new ArrayList<>();
        Set<String> profiles = new LinkedHashSet<>();
        for (Attributes item : ds.getSequence(Tag.ReferencedSOPSequence)) {
            String iuid = item.getString(Tag.ReferencedSOPInstanceUID, "").trim();
            if (iuid.isEmpty() || item.getString(Tag.ReferencedSOPClassUID, "").isBlank()) {
                return refuse(as, MISSING_ATTRIBUTE, "Referenced SOP Class/Instance UID missing in an item");
            }
            instances.add(iuid);
            String profile = item.getString(Tag.RequestedMediaApplicationProfile, "").trim();
            profiles.add(profile.isEmpty() ? "STD-GEN-CD" : profile);
        }
        if (profiles.size() > 1) {
            // one request, one file-set per piece: one profile (PS3.11 profiles cannot be mixed in a file-set)
            return refuse(as, INVALID_ATTRIBUTE_VALUE, "one Requested Media Application Profile per request, got "
                    + profiles);
        }
        String splitting = ds.getString(Tag.AllowMediaSplitting, "YES").trim();
        MediaOrder order = new MediaOrder(List.of(), instances, profiles.iterator().next(),
                settings.get(OUTPUT_SETTING).orElse("iso"), 1, ds.getString(Tag.LabelText, null),
                ds.getString(Tag.StorageMediaFileSetID, null), !splitting.equals("NO"),
                ds.getString(Tag.BarcodeValue, null),
                ds.getString(Tag.IncludeDisplayApplication, "NO").trim().equals("YES"));
        try {
            String uid = rq.sopInstanceUid();
            if (uid != null && media.exists(uid)) {
                return refuse(as, DUPLICATE_SOP_INSTANCE, "media creation request " + uid + " exists already");
            }
            String created = uid == null ? media.create(order) : media.create(uid, order);
            LOG.info(() -> as.name() + ": N-CREATE media creation request " + created);
            return NServiceResponse.SUCCESS.withAffectedSopInstanceUid(created);
        } catch (MediaRequestRefused e) {
            return refuse(as, INVALID_ATTRIBUTE_VALUE, e.getMessage());
        }
    }

    /** PS3.4 S.3.2: action 1 initiates (Number of Copies, Request Priority), action 2 cancels. */
    private NServiceResponse action(AssociationInfo as, NServiceRequest rq, Attributes ds) {
        String uid = rq.sopInstanceUid();
        if (rq.typeId() == 1) {
            int copies = ds == null ? 1 : ds.getInt(Tag.NumberOfCopies, 1);
            String priority = ds == null ? "MED" : ds.getString(Tag.RequestPriority, "MED").trim();
            if (!Set.of("HIGH", "MED", "LOW").contains(priority)) {
                return refuse(as, INVALID_ATTRIBUTE_VALUE, "Request Priority must be HIGH, MED or LOW");
            }
            try {
                return switch (media.initiate(uid, copies, priority)) {
                    case INITIATED -> NServiceResponse.SUCCESS;
                    case NO_SUCH_REQUEST -> refuse(as, NO_SUCH_SOP_INSTANCE, "no media creation request " + uid);
                    case ALREADY_INITIATED -> refuse(as, INITIATE_ALREADY_RECEIVED,
                            "initiate already received for " + uid);
                };
            } catch (MediaRequestRefused e) {
                return refuse(as, INVALID_ATTRIBUTE_VALUE, e.getMessage());
            }
        }
        if (rq.typeId() == 2) {
            return switch (media.cancel(uid)) {
                case CANCELLED -> NServiceResponse.SUCCESS;
                case NO_SUCH_REQUEST -> refuse(as, NO_SUCH_SOP_INSTANCE, "no media creation request " + uid);
                case ALREADY_COMPLETED -> refuse(as, CANCEL_ALREADY_COMPLETED, "media creation already completed");
            };
        }
        return refuse(as, NO_SUCH_ACTION_TYPE, "Action Type ID " + rq.typeId() + " (Annex S defines 1 and 2)");
    }

    /** PS3.4 S.3.3: the execution status; sequences only whole; unknown attributes → warning 0001. */
    private NServiceResponse get(NServiceRequest rq) {
        MediaRequest r = media.find(rq.sopInstanceUid()).orElse(null);
        if (r == null) {
            return NServiceResponse.of(NO_SUCH_SOP_INSTANCE, "no media creation request " + rq.sopInstanceUid());
        }
        Attributes all = status(r);
        List<Integer> asked = rq.attributeIdentifiers().isEmpty() ? GET_ATTRIBUTES : rq.attributeIdentifiers();
        Attributes answer = new Attributes();
        boolean unsupported = false;
        for (int tag : asked) {
            if (all.contains(tag)) {
                answer.setValue(tag, all.getVR(tag), all.getValue(tag));
            } else {
                unsupported = true;
            }
        }
        return (unsupported ? NServiceResponse.of(WARNING_UNSUPPORTED_ATTRIBUTES, "unsupported attributes requested")
                : NServiceResponse.SUCCESS).withDataSet(answer);
    }

    static Attributes status(MediaRequest r) {
        Attributes a = new Attributes();
        a.setString(Tag.ExecutionStatus, VR.CS, r.getStatus().name());
        a.setString(Tag.ExecutionStatusInfo, VR.CS, r.getStatusInfo());
        a.setInt(Tag.TotalNumberOfPiecesOfMediaCreated, VR.US, r.getPieces());
        Sequence failed = a.newSequence(Tag.FailedSOPSequence);
        for (String uid : r.getFailedUids()) {
            Attributes item = failed.newItem();
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
            item.setInt(Tag.FailureReason, VR.US, NO_SUCH_SOP_INSTANCE);
        }
        a.newSequence(Tag.ReferencedStorageMediaSequence);
        return a;
    }

    private static NServiceResponse refuse(AssociationInfo as, int status, String comment) {
        LOG.warning(() -> as.name() + ": media creation management refused (" + Integer.toHexString(status) + "): "
                + comment);
        return NServiceResponse.of(status, comment);
    }
}
