package org.strata.hsm.tar;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.io.RangeInputStream;
import org.strata.hsm.spi.ObjectIds;
import org.strata.hsm.spi.StorageProvider;

/**
 * The {@code tar:} tape tier: volumes are standard TAR files in a library directory, appended
 * to in batches and never rewritten; a {@link VolumeCatalogue} says where each object lies so
 * it is read with one seek; one {@link TapeDrive} mounts one volume at a time.
 *
 * <p>Write path (our design): a pending write is staged in the spool; its commit appends it to
 * the current volume as a batch of one ({@link #openBatch()} groups several). Appending starts
 * a new volume when the batch does not fit in the current one. The bytes are forced to the
 * volume before the catalogue records them, and the catalogue records only forced bytes: a
 * crash in between leaves a torn tail that the next mount cuts off ({@link VolumeTail}).
 * Deleting forgets the object in the catalogue; its bytes stay until the volume is repacked
 * (not built yet). One process owns a library: a lock file enforces it. Thread-safe.
 */
public final class TarStorageProvider implements StorageProvider {

    /** The catalogue file {@link #open(TarTierConfig)} keeps in the library directory. */
    public static final String CATALOGUE_FILE = "catalogue.tsv";
    private static final String LOCK_FILE = ".lock";

    private final TarTierConfig config;
    private final VolumeCatalogue catalogue;
    private final TapeDrive drive;
    private final FileChannel lockChannel;
    private final Object appendLock = new Object();

    /**
     * Opens the library with a catalogue supplied by the caller; the provider closes it.
     */
    public TarStorageProvider(TarTierConfig config, VolumeCatalogue catalogue) throws IOException {
        this.config = config;
        this.catalogue = catalogue;
        Files.createDirectories(config.library());
        Files.createDirectories(config.spool());
        this.lockChannel = lockLibrary(config.library());
        try {
            purgeSpool();
        } catch (IOException e) {
            lockChannel.close();
            throw e;
        }
        this.drive = new TapeDrive(config.library(), config.mountDelay(), config.driveWaitTimeout(),
                config.commands(), (volume, file) -> VolumeTail.repair(file, volume, catalogue.committedEnd(volume)));
    }

    /** Opens the library with its catalogue in {@value #CATALOGUE_FILE} beside the volumes. */
    public static TarStorageProvider open(TarTierConfig config) throws IOException {
        Files.createDirectories(config.library());
        CatalogueFile catalogue = CatalogueFile.open(config.library().resolve(CATALOGUE_FILE));
        try {
            return new TarStorageProvider(config, catalogue);
        } catch (IOException | RuntimeException e) {
            catalogue.close();
            throw e;
        }
    }

    @Override
    public String scheme() {
        return "tar";
    }

    @Override
    public URI location() {
        return URI.create("tar:" + config.library().toUri().getRawPath());
    }

    public TarTierConfig config() {
        return config;
    }

    public VolumeCatalogue catalogue() {
        return catalogue;
    }

    /** The volume file of {@code volume}, e.g. {@code library/vol-000001.tar}. */
    public Path volumeFile(String volume) {
        return drive.file(volume);
    }

    /** How many times the drive has mounted a volume since the library was opened. */
    public int mounts() {
        return drive.mounts();
    }

    /** The volume mounted in the drive, if any. */
    public Optional<String> mountedVolume() {
        return Optional.ofNullable(drive.mounted());
    }

    @Override
    public PendingWrite create(String id) throws IOException {
        ObjectIds.validate(id);
        if (exists(id)) {
            throw new FileAlreadyExistsException(id, null, "object exists on " + location());
        }
        return spool(id, new SpoolWrite.Target() {
            @Override
            public void spooled(SpooledObject object) throws IOException {
                append(List.of(object));
            }

            @Override
            public void abandoned(String abandonedId) {
                // a single write has nothing else to undo
            }
        });
    }

    /** Starts a batch whose objects go contiguously onto one volume. */
    public TarBatch openBatch() {
        return new TarBatch(this);
    }

    PendingWrite spool(String id, SpoolWrite.Target target) throws IOException {
        return new SpoolWrite(config.spool(), id, target);
    }

    /**
     * Appends objects as one batch straight from their sources (no spool copy), contiguously on
     * one volume (copied by the kernel when a source is a local file), forced once; meanwhile a
     * {@link VolumeReadBack} reads each entry back from the volume as soon as it is written and
     * checks it against the size and SHA-256 its source announced; recorded in the catalogue
     * only when the volume is forced and every entry checked. All or nothing: a source that
     * delivered other bytes (corrupt: {@link DigestMismatchException}; short or long: an
     * {@link IOException}) or a copy that reads back wrong fails the batch, the volume is cut back to
     * where the batch began and nothing is recorded. The sources need not verify themselves: the
     * read-back checks the copy against the digest recorded at ingest, one digest per byte.
     */
    public List<CatalogueEntry> appendStreamed(List<StreamedObject> batch) throws IOException {
        return append(batch, true);
    }

    /** Appends objects as one batch; discards them (spool files) whatever happens. */
    List<CatalogueEntry> append(List<? extends VolumeEntrySource> batch) throws IOException {
        return append(batch, false);
    }

    private List<CatalogueEntry> append(List<? extends VolumeEntrySource> batch, boolean readBack) throws IOException {
        try {
            synchronized (appendLock) {
                checkNew(batch);
                long need = VolumeTail.END_OF_ARCHIVE + batch.stream().mapToLong(VolumeEntrySource::reservedBytes).sum();
                if (need > config.volumeCapacity()) {
                    throw new IOException("Batch of " + batch.size() + " objects needs " + need
                            + " bytes, more than a volume holds (" + config.volumeCapacity() + ")");
                }
                String volume = currentVolume().filter(v -> catalogue.committedEnd(v) + need <= config.volumeCapacity())
                        .orElse(null);
                if (volume == null) {
                    volume = newVolume();
                }
                try (TapeDrive.Lease lease = drive.acquire(volume);
                     VolumeReadBack check = readBack ? VolumeReadBack.start(lease.file()) : null) {
                    long start = catalogue.committedEnd(volume);
                    List<CatalogueEntry> entries = VolumeAppender.append(lease.file(), volume, start, batch,
                            config.volumeCapacity(), check == null ? e -> { } : check::written);
                    try {
                        if (check != null) {
                            check.awaitChecked();
                        }
                        catalogue.addAll(entries);
                    } catch (IOException | RuntimeException e) {
                        try {
                            VolumeTail.repair(lease.file(), volume, start);
                        } catch (IOException t) {
                            e.addSuppressed(t);
                        }
                        throw e;
                    }
                    return entries;
                }
            }
        } finally {
            for (VolumeEntrySource o : batch) {
                o.discard();
            }
        }
    }

    private void checkNew(List<? extends VolumeEntrySource> batch) throws FileAlreadyExistsException {
        Set<String> seen = new HashSet<>();
        for (VolumeEntrySource o : batch) {
            if (!seen.add(o.id()) || catalogue.find(o.id()).isPresent()) {
                throw new FileAlreadyExistsException(o.id(), null, "object exists on " + location());
            }
        }
    }

    private Optional<String> currentVolume() {
        List<String> volumes = catalogue.volumes();
        return volumes.isEmpty() ? Optional.empty() : Optional.of(volumes.get(volumes.size() - 1));
    }

    private String newVolume() throws IOException {
        int count = catalogue.volumes().size();
        if (config.maxVolumes() > 0 && count >= config.maxVolumes()) {
            throw new IOException("Library " + config.library() + " is full: " + count + " volumes");
        }
        String name = String.format("vol-%06d", count + 1);
        Path file = drive.file(name);
        if (Files.exists(file) && Files.size(file) > 0) {
            // the mount would cut it to the (empty) committed end: a lost or foreign catalogue
            throw new IOException("Volume file " + file + " exists but the catalogue does not know volume " + name
                    + "; refusing to overwrite it (restore the catalogue, or move the file away)");
        }
        catalogue.addVolume(name);
        return name;
    }

    @Override
    public InputStream read(String id) throws IOException {
        CatalogueEntry e = require(id);
        return open(e, e.dataOffset(), e.size());
    }

    @Override
    public InputStream readRange(String id, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        CatalogueEntry e = require(id);
        if (length > 0 && offset >= e.size()) {
            throw new EOFException("Range starts at " + offset + ", object " + id + " has " + e.size() + " bytes");
        }
        long from = Math.min(offset, e.size()); // offset > size only when length is 0
        return open(e, e.dataOffset() + from, Math.min(length, e.size() - from));
    }

    /** Mounts the entry's volume, seeks once, and holds the drive until the stream is closed. */
    private InputStream open(CatalogueEntry e, long position, long length) throws IOException {
        TapeDrive.Lease lease = drive.acquire(e.volume());
        try {
            FileChannel ch = FileChannel.open(lease.file(), StandardOpenOption.READ);
            ch.position(position);
            return new FilterInputStream(new RangeInputStream(Channels.newInputStream(ch), length)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        lease.close();
                    }
                }
            };
        } catch (IOException | RuntimeException ex) {
            lease.close();
            throw ex;
        }
    }

    /**
     * Reads the copies back, volume by volume in position order with one channel and a large
     * buffer (a forward pass over the batch), and checks each against its expected size and
     * SHA-256; {@link DigestMismatchException} at the first that differs.
     */
    public void verify(List<StoredObject> expected) throws IOException {
        Map<String, List<CatalogueEntry>> byVolume = new TreeMap<>();
        for (StoredObject o : expected) {
            CatalogueEntry e = require(o.id());
            if (e.size() != o.size() || !e.sha256().equals(o.sha256())) {
                throw new DigestMismatchException(o, e.size(), e.sha256());
            }
            byVolume.computeIfAbsent(e.volume(), v -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<CatalogueEntry>> v : byVolume.entrySet()) {
            try (TapeDrive.Lease lease = drive.acquire(v.getKey());
                 FileChannel ch = FileChannel.open(lease.file(), StandardOpenOption.READ)) {
                check(ch, v.getValue());
            }
        }
    }

    /**
     * Reads the entries of one volume in position order (one forward pass, a 1 MiB buffer) and
     * checks each one's bytes against the size and SHA-256 it records.
     */
    private static void check(FileChannel ch, List<CatalogueEntry> entries) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        List<CatalogueEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(CatalogueEntry::dataOffset));
        for (CatalogueEntry e : ordered) {
            VolumeReadBack.check(ch, e, buf);
        }
    }

    /** Where an object lies, with its size and digest. */
    public Optional<CatalogueEntry> entry(String id) {
        return catalogue.find(ObjectIds.validate(id));
    }

    private CatalogueEntry require(String id) throws NoSuchFileException {
        return entry(id).orElseThrow(() -> new NoSuchFileException(id, null, "no such object on " + location()));
    }

    @Override
    public boolean exists(String id) {
        return entry(id).isPresent();
    }

    @Override
    public void delete(String id) throws IOException {
        catalogue.remove(ObjectIds.validate(id));
    }

    /** Room left in the current volume plus the volumes not yet created; unbounded without a limit. */
    @Override
    public long usableSpace() {
        if (config.maxVolumes() == 0) {
            return Long.MAX_VALUE;
        }
        long perVolume = config.volumeCapacity() - VolumeTail.END_OF_ARCHIVE;
        long current = currentVolume().map(v -> config.volumeCapacity() - VolumeTail.END_OF_ARCHIVE
                - catalogue.committedEnd(v)).orElse(0L);
        return current + perVolume * (config.maxVolumes() - catalogue.volumes().size());
    }

    @Override
    public void close() throws IOException {
        try (lockChannel; catalogue) {
            drive.close();
        }
    }

    private void purgeSpool() throws IOException {
        try (Stream<Path> files = Files.list(config.spool())) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".spool")).toList()) {
                Files.deleteIfExists(p); // staged by a process that died: never committed
            }
        }
    }

    private static FileChannel lockLibrary(Path library) throws IOException {
        FileChannel ch = FileChannel.open(library.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new IOException("Library " + library + " is in use by another process");
            }
            return ch;
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new IOException("Library " + library + " is already open in this process", e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "TarStorageProvider[" + config.library() + ", volumes " + catalogue.volumes() + "]";
    }
}
