package org.strata.hsm.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.strata.hsm.digest.Sha256;
import org.strata.hsm.spi.ObjectIds;

/**
 * Maps an id to {@code root/ab/cd/id}, where {@code abcd} are the first two bytes of the
 * SHA-256 of the id: 65,536 leaf directories, so 100 million objects make ~1,500 files per
 * directory. Hashing rather than taking a prefix of the id is our choice because archive ids
 * (often derived from UIDs) share long prefixes. The mapping is fixed: changing it would lose
 * the objects already stored.
 */
final class FanOutLayout {

    private FanOutLayout() {
    }

    static Path resolve(Path root, String id) {
        ObjectIds.validate(id);
        MessageDigest md = Sha256.newDigest();
        byte[] h = md.digest(id.getBytes(StandardCharsets.US_ASCII));
        HexFormat hex = HexFormat.of();
        Path p = root.resolve(hex.toHexDigits(h[0])).resolve(hex.toHexDigits(h[1])).resolve(id);
        if (!p.normalize().startsWith(root)) {
            throw new IllegalArgumentException("Id escapes the root: " + id);
        }
        return p;
    }

    /** Temporary files start with a dot, which no id may, so they are never taken for objects. */
    static boolean isTemporary(Path file) {
        return file.getFileName().toString().startsWith(".");
    }
}
