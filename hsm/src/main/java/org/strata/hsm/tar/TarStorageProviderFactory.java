package org.strata.hsm.tar;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviderFactory;
import org.strata.hsm.spi.TierConfig;

/**
 * Opens {@code tar:/path/to/library} tiers. Settings: {@code volumeCapacity} (bytes),
 * {@code maxVolumes}, {@code mountDelay} and {@code driveWaitTimeout} ({@code PT2S} or
 * milliseconds), {@code mountCommand} and {@code unmountCommand} (arguments separated by
 * spaces, with {@code {volume}} and {@code {path}} placeholders; use a script for anything
 * needing quotes), {@code commandTimeout}, {@code spool} (directory).
 */
public final class TarStorageProviderFactory implements StorageProviderFactory {

    @Override
    public String scheme() {
        return "tar";
    }

    @Override
    public StorageProvider open(URI location, TierConfig config) throws IOException {
        String path = location.getPath() != null ? location.getPath() : location.getSchemeSpecificPart();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("tar location needs a library directory: tar:/path — got " + location);
        }
        MountCommands commands = new MountCommands(words(config, "mountCommand"), words(config, "unmountCommand"),
                config.getDuration("commandTimeout", Duration.ofMinutes(10)));
        TarTierConfig.Builder b = TarTierConfig.builder(Path.of(path))
                .volumeCapacity(config.getLong("volumeCapacity", 1_000_000_000_000L))
                .maxVolumes(Math.toIntExact(config.getLong("maxVolumes", 0)))
                .mountDelay(config.getDuration("mountDelay", Duration.ZERO))
                .driveWaitTimeout(config.getDuration("driveWaitTimeout", Duration.ofMinutes(30)))
                .commands(commands);
        config.get("spool").map(Path::of).ifPresent(b::spool);
        return TarStorageProvider.open(b.build());
    }

    private static List<String> words(TierConfig config, String key) {
        return config.get(key).map(v -> Arrays.stream(v.trim().split("\\s+")).toList()).orElse(List.of());
    }
}
