package org.strata.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The disc robot's hot folder, from the archive settings (editable in the console and through
 * {@code /strata/api/settings}): {@code media.burner.folder}, {@code media.burner.format}
 * ({@code json} or {@code ptburn}), {@code media.burner.timeout} (seconds, default 3600).
 */
public record BurnerSettings(Path folder, BurnJobFormat format, Duration timeout) {

    public static final String FOLDER = "media.burner.folder";
    public static final String FORMAT = "media.burner.format";
    public static final String TIMEOUT = "media.burner.timeout";

    /** @throws MediaRequestRefused when no usable hot folder is configured */
    public static BurnerSettings from(Function<String, Optional<String>> settings) {
        String folder = settings.apply(FOLDER).orElseThrow(() -> new MediaRequestRefused(
                "output burner needs the setting " + FOLDER + " (the robot's hot folder)"));
        Path path = Path.of(folder);
        if (!Files.isDirectory(path) || !Files.isWritable(path)) {
            throw new MediaRequestRefused("burner hot folder " + folder + " is not a writable folder");
        }
        String formatName = settings.apply(FORMAT).orElse("json");
        BurnJobFormat format = BurnJobFormat.of(formatName).orElseThrow(() -> new MediaRequestRefused(
                "unknown " + FORMAT + " '" + formatName + "' (json or ptburn)"));
        long seconds;
        try {
            seconds = Long.parseLong(settings.apply(TIMEOUT).orElse("3600").trim());
        } catch (NumberFormatException e) {
            throw new MediaRequestRefused(TIMEOUT + " must be a number of seconds");
        }
        if (seconds <= 0) {
            throw new MediaRequestRefused(TIMEOUT + " must be positive");
        }
        return new BurnerSettings(path, format, Duration.ofSeconds(seconds));
    }
}
