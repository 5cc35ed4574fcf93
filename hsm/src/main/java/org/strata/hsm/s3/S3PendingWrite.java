package org.strata.hsm.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.strata.hsm.digest.Sha256;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Streams one object to S3 holding at most one part in memory. Until the buffer first fills,
 * nothing is sent: a small object becomes one PUT at commit. When it fills, a multipart upload
 * starts and each full buffer is sent as a part; commit sends the rest as the last part and
 * completes the upload, which is when the object becomes visible. Revoke (or a failed commit)
 * aborts the upload, so the store drops the parts already sent. The buffer grows as bytes come
 * (or is sized from {@link #expect}), up to the part size: a 0.5 MB object does not cost a part.
 *
 * <p>{@link #expect} with an object that fits one PUT sends its SHA-256 as
 * {@code x-amz-checksum-sha256}: the store computes the digest of the bytes it receives and
 * refuses the PUT ({@code 400 BadDigest}, nothing stored) when they differ, so the copy is
 * checked against the digest recorded at ingest without reading it back. A multipart upload
 * gets no such whole-object SHA-256 from S3 (only a digest of part digests): {@code expect}
 * returns false for it and the caller reads the copy back.
 */
final class S3PendingWrite implements PendingWrite {

    private enum State { OPEN, COMMITTED, REVOKED }

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final int partSize;
    private byte[] buffer;
    private String checksumSha256;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final OutputStream stream = new PartStream();
    private int filled;
    private String uploadId;
    private State state = State.OPEN;

    S3PendingWrite(S3Client client, String bucket, String key, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.buffer = new byte[Math.min(partSize, 64 * 1024)];
    }

    @Override
    public synchronized boolean expect(long size, Sha256 sha256) {
        requireOpen();
        if (size > partSize || uploadId != null || filled > 0) {
            return false;
        }
        buffer = new byte[(int) size];
        checksumSha256 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256.hex()));
        return true;
    }

    @Override
    public synchronized OutputStream stream() {
        requireOpen();
        return stream;
    }

    @Override
    public synchronized void commit() throws IOException {
        requireOpen();
        try {
            if (uploadId == null) {
                String checksum = checksumSha256;
                client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled).checksumSHA256(checksum),
                        body());
            } else {
                if (filled > 0) {
                    sendPart();
                }
                String id = uploadId;
                client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                        .multipartUpload(m -> m.parts(parts)));
            }
            state = State.COMMITTED;
        } catch (SdkException e) {
            IOException io = new IOException(isBadDigest(e)
                    ? "The store refused the upload of " + key + " to bucket " + bucket
                    + ": its bytes do not have the expected SHA-256 (BadDigest)"
                    : "Upload of " + key + " to bucket " + bucket + " failed", e);
            abortQuietly(io);
            throw io;
        }
    }

    @Override
    public synchronized void revoke() throws IOException {
        if (state == State.COMMITTED) {
            throw new IllegalStateException("Already committed: " + key);
        }
        if (state == State.REVOKED) {
            return;
        }
        state = State.REVOKED;
        if (uploadId != null) {
            String id = uploadId;
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
            } catch (SdkException e) {
                throw new IOException("Abort of the upload of " + key + " failed; the store's lifecycle rule "
                        + "for incomplete uploads must clean up upload " + id, e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (state == State.OPEN) {
            revoke();
        }
    }

    private static boolean isBadDigest(SdkException e) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                && "BadDigest".equals(s3.awsErrorDetails().errorCode());
    }

    private void abortQuietly(IOException cause) {
        try {
            revoke();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Write of " + key + " already " + state.name().toLowerCase());
        }
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        }
        int number = parts.size() + 1;
        String id = uploadId;
        String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number)
                .contentLength((long) filled), body()).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
    }

    /** The buffered bytes, without copying: the SDK re-opens them to sign and to send. */
    private RequestBody body() {
        int n = filled;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, n), n,
                "application/octet-stream");
    }

    /** Fills the part buffer; a full buffer becomes a part. Closing it only marks the end of writing. */
    private final class PartStream extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (S3PendingWrite.this) {
                requireOpen();
                while (len > 0) {
                    if (filled == buffer.length && checksumSha256 != null) {
                        IOException io = new IOException("More than the expected " + filled + " bytes written to "
                                + key);
                        abortQuietly(io);
                        throw io;
                    }
                    if (filled == buffer.length && buffer.length < partSize) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length + 1));
                    }
                    if (filled == buffer.length) {
                        try {
                            sendPart();
                        } catch (SdkException e) {
                            IOException io = new IOException("Part upload of " + key + " failed", e);
                            abortQuietly(io);
                            throw io;
                        }
                    }
                    int n = Math.min(len, buffer.length - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                }
            }
        }
    }
}
