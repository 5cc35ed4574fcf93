package org.strata.hsm.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An object tier: where the bucket is and how to reach it.
 *
 * @param endpoint   the service endpoint, e.g. {@code http://127.0.0.1:9000}; empty for AWS's
 *                   regional endpoint
 * @param bucket     the bucket, which must exist
 * @param keyPrefix  prepended to every id to form the key, e.g. {@code "archive/"}; may be empty
 * @param region     e.g. {@code us-east-1} (any value for most non-AWS stores)
 * @param addressing path-style or virtual-host-style requests
 * @param credentials the access key pair
 * @param partSize   bytes buffered in memory per write: objects up to this size go in one PUT,
 *                   larger ones in a multipart upload of parts this size (at least 5 MiB, the
 *                   S3 minimum for all but the last part)
 */
public record S3Config(Optional<URI> endpoint, String bucket, String keyPrefix, String region,
                       AddressingStyle addressing, S3Credentials credentials, int partSize) {

    /** S3's minimum part size, except for the last part of a multipart upload. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    public S3Config {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(credentials, "credentials");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("empty bucket name");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize " + partSize + " below the S3 minimum " + MIN_PART_SIZE);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link S3Config}; region defaults to {@code us-east-1}, addressing to path-style. */
    public static final class Builder {
        private URI endpoint;
        private String bucket;
        private String keyPrefix = "";
        private String region = "us-east-1";
        private AddressingStyle addressing = AddressingStyle.PATH;
        private S3Credentials credentials;
        private int partSize = DEFAULT_PART_SIZE;

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder addressing(AddressingStyle addressing) {
            this.addressing = addressing;
            return this;
        }

        public Builder credentials(S3Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder partSize(int partSize) {
            this.partSize = partSize;
            return this;
        }

        public S3Config build() {
            return new S3Config(Optional.ofNullable(endpoint), bucket, keyPrefix, region, addressing,
                    credentials, partSize);
        }
    }
}
