package org.strata.ejb.store;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomParseException;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.transcode.IngestCompression;
import org.strata.hsm.digest.DigestingStorage.DigestedWrite;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.spi.DeferredSync;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreRequest;

/**
 * Storage SCP behaviour (PS3.4 B.2.2): the data set streams to a new object on the online tier
 * while its header is parsed, the object is forced and renamed, then a group commit
 * ({@link CommitCoordinator}) forces its directory and indexes it in one transaction with the
 * stores arriving at the same time, and only then the status is returned. Any failure leaves no
 * object and no row.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoreService {

    private static final Logger LOG = Logger.getLogger(StoreService.class.getName());

    /** PS3.4 B.2.3 statuses. */
    static final int OUT_OF_RESOURCES = 0xA700;
    static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    static final int CANNOT_UNDERSTAND = 0xC000;

    /** Setting holding the duplicate policy of a called AE: {@code store.duplicates.<AE title>}. */
    public static final String DUPLICATE_POLICY_SETTING = "store.duplicates.";

    private static final ReadOptions HEADER = ReadOptions.builder().stopBeforePixelData().build();

    @EJB
    OnlineStorage storage;

    @EJB
    CommitCoordinator commits;

    @EJB
    SettingsService settings;

    @EJB
    IngestCompression compression;

    public DimseStatus store(AssociationInfo as, StoreRequest rq, InputStream dataSet) {
        return compression.store(as, rq, dataSet, this::storeReceived);
    }

    private DimseStatus storeReceived(AssociationInfo as, StoreRequest rq, InputStream dataSet) {
        TransferSyntax ts = TransferSyntax.of(rq.transferSyntaxUid());
        String objectId = UUID.randomUUID().toString();
        Indexer.Received received;
        List<DeferredSync> syncs = new ArrayList<>(3);
        try (DigestedWrite write = storage.digesting().create(objectId)) {
            Attributes header;
            try {
                header = receive(as, rq, ts, dataSet, write.stream());
            } catch (DicomParseException e) {
                drain(dataSet);
                return refuse(as, rq, CANNOT_UNDERSTAND, "cannot parse data set: " + e.getMessage());
            }
            InstanceHeader instance;
            try {
                instance = InstanceHeader.of(header, as.callingAeTitle());
                matchCommand(rq, instance);
            } catch (InvalidInstanceException e) {
                return refuse(as, rq, DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
            }
            StoredObject stored = write.commitDeferringSync(syncs);
            received = new Indexer.Received(instance, rq.transferSyntaxUid(), OnlineStorage.STORAGE_ID,
                    stored.id(), stored.size(), stored.sha256().hex(), encode(header), Instant.now());
        } catch (IOException e) {
            drain(dataSet);
            LOG.log(Level.WARNING, as.name() + ": C-STORE " + rq.sopInstanceUid() + " not stored: " + e.getMessage(), e);
            return DimseStatus.of(OUT_OF_RESOURCES, "cannot write: " + e.getMessage());
        }
        return index(as, rq, received, syncs);
    }

    /**
     * Makes the object's name durable and indexes it, in a group commit with the stores waiting
     * at the same time; answers only when that is done.
     */
    private DimseStatus index(AssociationInfo as, StoreRequest rq, Indexer.Received received, List<DeferredSync> syncs) {
        Indexer.Item item = new Indexer.Item(received, duplicatePolicy(as.calledAeTitle()));
        IndexResult result = commit(as, rq, new CommitCoordinator.Pending(item, syncs));
        if (!result.keepsNewObject()) {
            deleteQuietly(received.objectId());
        }
        result.obsoleteObjects().forEach(this::deleteQuietly);
        switch (result.outcome()) {
            case REFUSED:
                return refuse(as, rq, DATA_SET_DOES_NOT_MATCH_SOP_CLASS, result.comment());
            case FAILED:
            case NOT_DURABLE:
                LOG.warning(() -> as.name() + ": C-STORE " + rq.sopInstanceUid() + " failed: " + result.comment());
                return DimseStatus.of(OUT_OF_RESOURCES, result.comment());
            default:
                return DimseStatus.SUCCESS;
        }
    }

    private IndexResult commit(AssociationInfo as, StoreRequest rq, CommitCoordinator.Pending pending) {
        try {
            return commits.commit(pending);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, as.name() + ": C-STORE " + rq.sopInstanceUid() + " not indexed: " + e.getMessage(), e);
            return IndexResult.failed("cannot index the instance");
        }
    }

    /** Writes file meta information, then the data set as received, parsing its header on the way. */
    private static Attributes receive(AssociationInfo as, StoreRequest rq, TransferSyntax ts, InputStream dataSet,
                                      OutputStream out) throws IOException {
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        Attributes meta = FileMetaInformation.create(rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntaxUid());
        meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, as.callingAeTitle());
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(meta);
        TeeInputStream tee = new TeeInputStream(dataSet, out);
        Attributes header = new DicomReader(tee, ts, HEADER).readDataset();
        dataSet.transferTo(out);
        return header;
    }

    /** PS3.4 B.2.2: the data set must be the instance the command names. */
    private static void matchCommand(StoreRequest rq, InstanceHeader h) throws InvalidInstanceException {
        if (!h.sopInstanceUid().equals(rq.sopInstanceUid())) {
            throw new InvalidInstanceException("SOP Instance UID of data set differs from command");
        }
        if (!h.sopClassUid().equals(rq.sopClassUid())) {
            throw new InvalidInstanceException("SOP Class UID of data set differs from command");
        }
    }

    private DuplicatePolicy duplicatePolicy(String calledAeTitle) {
        return settings.get(DUPLICATE_POLICY_SETTING + calledAeTitle).map(DuplicatePolicy::valueOf)
                .orElse(DuplicatePolicy.OVERWRITE);
    }

    private static byte[] encode(Attributes header) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        new DicomWriter(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(header);
        return bytes.toByteArray();
    }

    private static DimseStatus refuse(AssociationInfo as, StoreRequest rq, int status, String comment) {
        LOG.warning(() -> as.name() + ": C-STORE " + rq.sopInstanceUid() + " refused ("
                + Integer.toHexString(status) + "): " + comment);
        return DimseStatus.of(status, comment);
    }

    private void deleteQuietly(String objectId) {
        try {
            storage.provider().delete(objectId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete object " + objectId + " from the online tier: " + e.getMessage(), e);
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the association is going away; nothing was stored
        }
    }
}
