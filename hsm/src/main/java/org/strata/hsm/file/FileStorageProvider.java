package org.strata.hsm.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.strata.hsm.io.Fsync;
import org.strata.hsm.io.RangeInputStream;
import org.strata.hsm.spi.ObjectIds;
import org.strata.hsm.spi.StorageProvider;

/**
 * The {@code file:} disk tier: several roots (file systems), new objects placed by a
 * {@link FreeSpacePolicy} on a writable root, objects found on any root. Root states can change
 * at run time and are kept apart from the configuration. Thread-safe.
 */
public final class FileStorageProvider implements StorageProvider {

    /** Measures a root's usable bytes; the default asks the file store. */
    @FunctionalInterface
    public interface SpaceProbe {
        long usableBytes(Path root) throws IOException;

        SpaceProbe FILE_STORE = root -> Files.getFileStore(root).getUsableSpace();
    }

    private final FileTierConfig config;
    private final SpaceProbe probe;
    private final Map<Path, RootState> states = new ConcurrentHashMap<>();

    public FileStorageProvider(FileTierConfig config) throws IOException {
        this(config, SpaceProbe.FILE_STORE);
    }

    public FileStorageProvider(FileTierConfig config, SpaceProbe probe) throws IOException {
        this.config = config;
        this.probe = probe;
        for (FileRoot r : config.roots()) {
            if (!Files.isDirectory(r.path())) {
                throw new NoSuchFileException(r.path().toString(), null, "root is not a directory");
            }
            states.put(r.path(), r.initialState());
        }
    }

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public URI location() {
        return config.roots().get(0).path().toUri();
    }

    public FileTierConfig config() {
        return config;
    }

    /** Changes a root's state; takes effect for the next create or delete. */
    public void setState(Path root, RootState state) {
        Path key = root.toAbsolutePath().normalize();
        if (states.replace(key, state) == null) {
            throw new IllegalArgumentException("Not a root of this tier: " + root);
        }
    }

    public RootState state(Path root) {
        RootState s = states.get(root.toAbsolutePath().normalize());
        if (s == null) {
            throw new IllegalArgumentException("Not a root of this tier: " + root);
        }
        return s;
    }

    @Override
    public PendingWrite create(String id) throws IOException {
        ObjectIds.validate(id);
        checkAbsent(id);
        FileRoot root = chooseRoot();
        Path target = FanOutLayout.resolve(root.path(), id);
        return new FilePendingWrite(this, id, target, createDirectories(target.getParent()));
    }

    /** The root holding {@code id}, if any. */
    public Optional<Path> rootOf(String id) {
        return find(id).map(p -> p.getParent().getParent().getParent());
    }

    @Override
    public InputStream read(String id) throws IOException {
        return Files.newInputStream(require(id));
    }

    @Override
    public Optional<Path> localFile(String id) throws IOException {
        return Optional.of(require(id));
    }

    @Override
    public InputStream readRange(String id, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        FileChannel ch = FileChannel.open(require(id), StandardOpenOption.READ);
        try {
            if (length > 0 && offset >= ch.size()) {
                throw new EOFException("Range starts at " + offset + ", object " + id + " has " + ch.size() + " bytes");
            }
            ch.position(offset);
            return new RangeInputStream(Channels.newInputStream(ch), length);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public boolean exists(String id) {
        return find(id).isPresent();
    }

    @Override
    public void delete(String id) throws IOException {
        Optional<Path> file = find(id);
        if (file.isEmpty()) {
            return;
        }
        Path root = file.get().getParent().getParent().getParent();
        RootState state = states.get(root);
        if (!state.deletable()) {
            throw new AccessDeniedException(file.get().toString(), null, "root is " + state);
        }
        Files.deleteIfExists(file.get());
        Fsync.directory(file.get().getParent());
    }

    /** Usable bytes above the watermarks of the writable roots. */
    @Override
    public long usableSpace() throws IOException {
        long sum = 0;
        for (FreeSpacePolicy.RootSpace r : writableRoots()) {
            sum += Math.max(0, r.headroom());
        }
        return sum;
    }

    /**
     * Deletes temporary files (left by writes a crash interrupted) last modified before
     * {@code before}, on every root. Returns how many were deleted. Pass a time well before
     * now: a younger temporary file may belong to a write still in progress in another process.
     */
    public int purgeTemporaries(Instant before) throws IOException {
        int deleted = 0;
        for (FileRoot r : config.roots()) {
            List<Path> stale;
            try (Stream<Path> files = Files.find(r.path(), 3, (p, a) -> a.isRegularFile()
                    && FanOutLayout.isTemporary(p) && a.lastModifiedTime().compareTo(FileTime.from(before)) < 0)) {
                stale = files.toList();
            }
            for (Path p : stale) {
                if (Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Fails when {@code id} exists on any root. */
    void checkAbsent(String id) throws FileAlreadyExistsException {
        Optional<Path> existing = find(id);
        if (existing.isPresent()) {
            throw new FileAlreadyExistsException(existing.get().toString(), null, "object " + id + " exists");
        }
    }

    private Optional<Path> find(String id) {
        for (FileRoot r : config.roots()) {
            Path p = FanOutLayout.resolve(r.path(), id);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Path require(String id) throws NoSuchFileException {
        return find(id).orElseThrow(() -> new NoSuchFileException(id, null, "no such object on " + location()));
    }

    private FileRoot chooseRoot() throws IOException {
        List<FreeSpacePolicy.RootSpace> writable = writableRoots();
        return config.policy().select(writable).orElseThrow(() -> new IOException(
                "No writable root with free space above its watermark on " + location() + ": " + describe()));
    }

    private List<FreeSpacePolicy.RootSpace> writableRoots() throws IOException {
        List<FreeSpacePolicy.RootSpace> out = new ArrayList<>();
        for (FileRoot r : config.roots()) {
            if (states.get(r.path()).writable()) {
                out.add(new FreeSpacePolicy.RootSpace(r, probe.usableBytes(r.path())));
            }
        }
        return out;
    }

    private String describe() {
        Map<Path, RootState> d = new LinkedHashMap<>();
        config.roots().forEach(r -> d.put(r.path(), states.get(r.path())));
        return d.toString();
    }

    /** Creates the fan-out directories; returns those it created, for the commit to force. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> created = new ArrayList<>();
        Path sub = dir.getParent();
        for (Path d : List.of(sub, dir)) {
            try {
                Files.createDirectory(d);
                created.add(d);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(d)) {
                    throw e;
                }
            }
        }
        return created;
    }

    @Override
    public String toString() {
        return "FileStorageProvider" + describe();
    }
}
