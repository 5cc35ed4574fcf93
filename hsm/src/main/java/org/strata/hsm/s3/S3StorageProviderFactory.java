package org.strata.hsm.s3;

import java.net.URI;
import java.util.Locale;

import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviderFactory;
import org.strata.hsm.spi.TierConfig;

/**
 * Opens {@code s3://bucket/prefix/} tiers. Settings: {@code endpoint} (absent for AWS),
 * {@code region} (default {@code us-east-1}), {@code addressing} ({@code PATH}, the default, or
 * {@code VIRTUAL_HOST}), {@code accessKeyId}, {@code secretAccessKey}, {@code partSize} (bytes,
 * default 8 MiB).
 */
public final class S3StorageProviderFactory implements StorageProviderFactory {

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public StorageProvider open(URI location, TierConfig config) {
        String bucket = location.getAuthority();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("s3 location needs a bucket: s3://bucket/prefix/ — got " + location);
        }
        String path = location.getPath() == null ? "" : location.getPath();
        String prefix = path.startsWith("/") ? path.substring(1) : path;
        S3Config.Builder b = S3Config.builder()
                .bucket(bucket)
                .keyPrefix(prefix)
                .region(config.get("region").orElse("us-east-1"))
                .addressing(AddressingStyle.valueOf(config.get("addressing").orElse("PATH").toUpperCase(Locale.ROOT)))
                .credentials(new S3Credentials(config.require("accessKeyId"), config.require("secretAccessKey")))
                .partSize(Math.toIntExact(config.getLong("partSize", S3Config.DEFAULT_PART_SIZE)));
        config.get("endpoint").map(URI::create).ifPresent(b::endpoint);
        return new S3StorageProvider(b.build());
    }
}
