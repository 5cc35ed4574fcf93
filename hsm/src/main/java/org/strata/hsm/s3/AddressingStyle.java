package org.strata.hsm.s3;

/** How the bucket is named in requests: {@code https://host/bucket/key} or {@code https://bucket.host/key}. */
public enum AddressingStyle {
    /** {@code https://host/bucket/key}: what S3Proxy, MinIO and most on-premises stores need. */
    PATH,
    /** {@code https://bucket.host/key}: AWS's default. */
    VIRTUAL_HOST
}
