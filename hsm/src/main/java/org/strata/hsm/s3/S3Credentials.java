package org.strata.hsm.s3;

import java.util.Objects;

/** A static access key pair. {@link #toString()} never shows the secret. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {

    public S3Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}
