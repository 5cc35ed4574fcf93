package org.strata.ejb.transcode;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.strata.dicom.imageio.transcode.TransferSyntaxCatalog;
import org.strata.ejb.config.SettingsService;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreRequest;

/**
 * Compress on arrival (optional per calling AE): setting {@code store.compress.<calling AE title>}
 * names a lossless transfer syntax (UID or keyword, e.g. {@code JPEGLSLossless}). The received data
 * set is spooled, compressed, and the compressed one is handed to the store path, which writes,
 * digests and indexes it like any received data set (so the digest and the indexed transfer
 * syntax are those of what is stored). What cannot be compressed (already compressed, no pixels,
 * a codec error) is stored as received, with one log line. Without the setting nothing is spooled.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestCompression {

    private static final Logger LOG = Logger.getLogger(IngestCompression.class.getName());

    /** Setting prefix: {@code store.compress.<calling AE title>} = transfer syntax UID or keyword. */
    public static final String SETTING = "store.compress.";

    /** PS3.4 B.2.3: Refused, Out of Resources. */
    private static final int OUT_OF_RESOURCES = 0xA700;

    /** The store path proper: writes, digests and indexes a data set in the syntax the request names. */
    @FunctionalInterface
    public interface Receiver {
        DimseStatus store(AssociationInfo as, StoreRequest rq, InputStream dataSet);
    }

    @EJB
    SettingsService settings;

    private final IngestCompressor compressor = new IngestCompressor();
    private Path spool;

    /** The spool directory beside the online tier; what a crash left there is removed. */
    @PostConstruct
    void open() {
        spool = Path.of(System.getProperty("strata.data.dir", "strata-data"), "ingest-spool").toAbsolutePath();
        try {
            Files.createDirectories(spool);
            try (Stream<Path> left = Files.list(spool)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ingest spool " + spool + ": " + e.getMessage(), e);
        }
    }

    /** Outside the container (tests of the store path): settings read from {@code settings}, spooled under {@code spool}. */
    public static IngestCompression of(SettingsService settings, Path spool) {
        IngestCompression compression = new IngestCompression();
        compression.settings = settings;
        compression.spool = spool;
        return compression;
    }

    /** Stores through {@code receiver}, compressed first when the calling AE is configured for it. */
    public DimseStatus store(AssociationInfo as, StoreRequest rq, InputStream dataSet, Receiver receiver) {
        Optional<String> target = target(as.callingAeTitle());
        if (target.isEmpty() || target.get().equals(rq.transferSyntaxUid())) {
            return receiver.store(as, rq, dataSet);
        }
        Path received = null;
        Path compressed = null;
        try {
            received = Files.createTempFile(spool, "received-", ".tmp");
            try (OutputStream out = Files.newOutputStream(received)) {
                dataSet.transferTo(out);
            }
            compressed = Files.createTempFile(spool, "compressed-", ".tmp");
            Optional<String> notCompressed = compressor.compress(received, rq.transferSyntaxUid(), compressed,
                    target.get());
            if (notCompressed.isPresent()) {
                LOG.info(() -> as.name() + ": " + rq.sopInstanceUid() + " stored as received: " + notCompressed.get());
                return storeFile(as, rq, received, receiver);
            }
            StoreRequest stored = new StoreRequest(rq.sopClassUid(), rq.sopInstanceUid(), target.get(), rq.priority(),
                    rq.moveOriginatorAeTitle(), rq.moveOriginatorMessageId());
            return storeFile(as, stored, compressed, receiver);
        } catch (IOException e) {
            drain(dataSet);
            LOG.log(Level.WARNING, as.name() + ": C-STORE " + rq.sopInstanceUid() + " not stored: " + e.getMessage(), e);
            return DimseStatus.of(OUT_OF_RESOURCES, "cannot spool: " + e.getMessage());
        } finally {
            deleteQuietly(received);
            deleteQuietly(compressed);
        }
    }

    private static DimseStatus storeFile(AssociationInfo as, StoreRequest rq, Path dataSet, Receiver receiver)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dataSet), 64 * 1024)) {
            return receiver.store(as, rq, in);
        }
    }

    private Optional<String> target(String callingAeTitle) {
        Optional<String> value = settings.get(SETTING + callingAeTitle).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> uid = TransferSyntaxCatalog.resolve(value.get());
        if (uid.isEmpty()) {
            LOG.warning(() -> "setting " + SETTING + callingAeTitle + " names no known transfer syntax: " + value.get()
                    + "; storing as received");
        }
        return uid;
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the association is going away; nothing was stored
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warning("cannot delete spooled file " + p + ": " + e.getMessage());
        }
    }
}
