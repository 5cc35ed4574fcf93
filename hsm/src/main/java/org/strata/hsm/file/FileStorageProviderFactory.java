package org.strata.hsm.file;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviderFactory;
import org.strata.hsm.spi.TierConfig;

/**
 * Opens {@code file:} tiers. The location is the first root; the settings:
 * <ul>
 * <li>{@code roots}: further roots, comma-separated paths</li>
 * <li>{@code policy}: {@code MOST_FREE} (default) or {@code FILL_IN_ORDER}</li>
 * <li>{@code minFreeBytes}: watermark of every root (default 0)</li>
 * <li>{@code readOnly}, {@code retired}: roots (comma-separated paths) starting in that state</li>
 * </ul>
 */
public final class FileStorageProviderFactory implements StorageProviderFactory {

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public StorageProvider open(URI location, TierConfig config) throws IOException {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of(location));
        config.getList("roots").forEach(r -> paths.add(Path.of(r)));
        Set<Path> readOnly = normalised(config.getList("readOnly"));
        Set<Path> retired = normalised(config.getList("retired"));
        long minFree = config.getLong("minFreeBytes", 0);
        List<FileRoot> roots = new ArrayList<>();
        for (Path p : paths) {
            Path n = p.toAbsolutePath().normalize();
            RootState s = retired.contains(n) ? RootState.RETIRED
                    : readOnly.contains(n) ? RootState.READ_ONLY : RootState.READ_WRITE;
            roots.add(new FileRoot(n, s, minFree));
        }
        FreeSpacePolicy policy = FreeSpacePolicy.valueOf(
                config.get("policy").orElse("MOST_FREE").toUpperCase(Locale.ROOT));
        return new FileStorageProvider(new FileTierConfig(roots, policy));
    }

    private static Set<Path> normalised(List<String> paths) {
        Set<Path> out = new HashSet<>();
        paths.forEach(p -> out.add(Path.of(p).toAbsolutePath().normalize()));
        return out;
    }
}
