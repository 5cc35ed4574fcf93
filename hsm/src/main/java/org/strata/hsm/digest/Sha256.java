package org.strata.hsm.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest (FIPS 180-4), kept as 64 lower-case hex digits. */
public record Sha256(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: " + hex);
        }
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("SHA-256 has 32 bytes, got " + digest.length);
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public static Sha256 of(MessageDigest completed) {
        return of(completed.digest());
    }

    /** A fresh SHA-256 {@link MessageDigest}; every Java platform must provide it. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
