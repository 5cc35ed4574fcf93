package org.strata.dicom.core;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** New UIDs: {@code 2.25.} followed by a random UUID as one unsigned integer (PS3.5 B.2). */
public final class Uids {

    private Uids() {
    }

    public static String random() {
        UUID u = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
