package org.strata.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.DicomDirWriter;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.media.ExecutionStatus;
import org.strata.ejb.media.MediaOrder;
import org.strata.ejb.media.MediaRequest;
import org.strata.ejb.media.MediaRequests;

/**
 * Media creation requests (PS3.4 Annex S) for every entry point, REST and DIMSE: create
 * (N-CREATE), initiate (N-ACTION 1), cancel (N-ACTION 2), status (N-GET) and the pieces made.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaCreationService {

    private static final Logger LOG = Logger.getLogger(MediaCreationService.class.getName());

    /** Outcome of a cancel (PS3.4 S.3.2.2.2 statuses). */
    public enum CancelOutcome {
        /** Cancelled and deleted. */
        CANCELLED,
        /** No such request. */
        NO_SUCH_REQUEST,
        /** 0xC201: media creation already completed. */
        ALREADY_COMPLETED
    }

    /** Outcome of an initiate (PS3.4 S.3.2.2.1). */
    public enum InitiateOutcome {
        INITIATED,
        NO_SUCH_REQUEST,
        /** 0xA510: an initiate was already received for this request. */
        ALREADY_INITIATED
    }

    /** A piece made: its number and the file or folder holding it. */
    public record Piece(int number, Path path, boolean folder) {
    }

    @EJB
    MediaRequests requests;

    @EJB
    MediaJobs jobs;

    @EJB
    SettingsService settings;

    /** Checks and stores a request, IDLE (PS3.4 S.3.1.2.1: N-CREATE); returns its SOP Instance UID. */
    public String create(MediaOrder order) {
        return create(newUid(), order);
    }

    /** As {@link #create(MediaOrder)} with the SOP Instance UID the requester chose. */
    public String create(String uid, MediaOrder order) {
        check(order);
        if (requests.find(uid).isPresent()) {
            throw new MediaRequestRefused("a media creation request " + uid + " exists already");
        }
        requests.create(uid, order);
        LOG.info(() -> "media request " + uid + " created: " + order.studies().size() + " studies, "
                + order.instances().size() + " instances, " + order.profile() + ", " + order.output());
        return uid;
    }

    /** Creates and initiates at once (REST). */
    public String createAndInitiate(MediaOrder order) {
        String uid = create(order);
        initiate(uid, order.copies(), "MED");
        return uid;
    }

    public InitiateOutcome initiate(String uid, int copies, String priority) {
        if (copies < 1 || copies > 99) {
            throw new MediaRequestRefused("copies must be 1..99");
        }
        Optional<MediaRequest> r = requests.find(uid);
        if (r.isEmpty()) {
            return InitiateOutcome.NO_SUCH_REQUEST;
        }
        if (!requests.initiate(uid, copies, priority)) {
            return InitiateOutcome.ALREADY_INITIATED;
        }
        jobs.start(uid);
        return InitiateOutcome.INITIATED;
    }

    public boolean exists(String uid) {
        return requests.find(uid).isPresent();
    }

    public Optional<MediaRequest> find(String uid) {
        return requests.find(uid);
    }

    public CancelOutcome cancel(String uid) {
        Optional<MediaRequest> r = requests.find(uid);
        if (r.isEmpty()) {
            return CancelOutcome.NO_SUCH_REQUEST;
        }
        if (r.get().getStatus().finished()) {
            return CancelOutcome.ALREADY_COMPLETED;
        }
        jobs.cancel(uid);
        if (!requests.delete(uid)) {
            return CancelOutcome.NO_SUCH_REQUEST;
        }
        if (r.get().getStatus() == ExecutionStatus.IDLE) {
            deleteQuietly(MediaWorkspace.of(uid).root());
        }
        LOG.info(() -> "media request " + uid + " cancelled");
        return CancelOutcome.CANCELLED;
    }

    /** The pieces of a DONE request, in order. */
    public List<Piece> pieces(String uid) {
        MediaRequest r = requests.find(uid).filter(x -> x.getStatus() == ExecutionStatus.DONE).orElse(null);
        if (r == null) {
            return List.of();
        }
        MediaOutput output = MediaOutput.of(r.order().output());
        MediaWorkspace ws = MediaWorkspace.of(uid);
        List<Piece> pieces = new ArrayList<>();
        for (int n = 1; n <= r.getPieces(); n++) {
            Path p = switch (output) {
                case ISO, BURNER -> ws.image(n, "ISO");
                case ZIP -> ws.image(n, "ZIP");
                case FOLDER -> ws.piece(n);
            };
            if (Files.exists(p)) {
                pieces.add(new Piece(n, p, output == MediaOutput.FOLDER));
            }
        }
        return pieces;
    }

    private void check(MediaOrder order) {
        if (order.studies().isEmpty() && order.instances().isEmpty()) {
            throw new MediaRequestRefused("a media request needs \"studies\" or \"instances\"");
        }
        for (String uid : concat(order.studies(), order.instances())) {
            if (uid == null || !uid.matches("[0-9]+(\\.[0-9]+)*") || uid.length() > 64) {
                throw new MediaRequestRefused("not a UID: " + uid);
            }
        }
        try {
            ApplicationProfile.of(order.profile() == null ? "" : order.profile());
        } catch (IllegalArgumentException e) {
            throw new MediaRequestRefused("unknown media application profile '" + order.profile() + "'");
        }
        MediaOutput output;
        try {
            output = MediaOutput.of(order.output() == null ? "" : order.output());
        } catch (IllegalArgumentException e) {
            throw new MediaRequestRefused(e.getMessage());
        }
        if (output == MediaOutput.BURNER) {
            BurnerSettings.from(settings::get);
        }
        if (order.copies() < 1 || order.copies() > 99) {
            throw new MediaRequestRefused("copies must be 1..99");
        }
        if (order.label() != null && order.label().length() > 1024) {
            throw new MediaRequestRefused("label is limited to 1024 characters");
        }
        if (order.barcode() != null && !order.barcode().isEmpty() && !Code128.encodable(order.barcode())) {
            throw new MediaRequestRefused("Barcode Value: 1-80 printable ASCII characters (printed in Code 128)");
        }
        if (order.includeViewer()) {
            MediaViewer.configured(settings::get);
        }
        if (order.fileSetId() != null && !order.fileSetId().isEmpty()) {
            try {
                DicomDirWriter.Header.of(order.fileSetId());
            } catch (IllegalArgumentException e) {
                throw new MediaRequestRefused("File-set ID: " + e.getMessage());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A UID under the 2.25 root from a random UUID (PS3.5 B.2). */
    static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    private static void deleteQuietly(Path dir) {
        try {
            MediaWorkspace.delete(dir);
        } catch (IOException e) {
            LOG.warning(() -> "cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
