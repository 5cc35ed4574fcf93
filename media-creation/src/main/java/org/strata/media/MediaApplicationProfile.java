package org.strata.media;

import java.util.List;

/**
 * General Purpose media application profiles (PS3.11 Annexes D, and the DVD/USB/BD profiles of
 * PS3.11 Annexes V and later) with the transfer syntaxes each allows on the medium.
 */
public enum MediaApplicationProfile {

    /** PS3.11 D: General Purpose CD-R Interchange, uncompressed only. */
    STD_GEN_CD("STD-GEN-CD", 700L * 1024 * 1024, TransferSyntaxes.EXPLICIT_LE),
    STD_GEN_DVD_JPEG("STD-GEN-DVD-JPEG", 4_700_000_000L, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.JPEG_FAMILY),
    STD_GEN_DVD_J2K("STD-GEN-DVD-J2K", 4_700_000_000L, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.J2K_FAMILY),
    STD_GEN_USB_JPEG("STD-GEN-USB-JPEG", Long.MAX_VALUE, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.JPEG_FAMILY),
    STD_GEN_USB_J2K("STD-GEN-USB-J2K", Long.MAX_VALUE, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.J2K_FAMILY),
    STD_GEN_BD_JPEG("STD-GEN-BD-JPEG", 25_000_000_000L, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.JPEG_FAMILY),
    STD_GEN_BD_J2K("STD-GEN-BD-J2K", 25_000_000_000L, TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.J2K_FAMILY);

    private final String id;
    private final long capacityBytes;
    private final List<String> transferSyntaxes;

    MediaApplicationProfile(String id, long capacityBytes, String... transferSyntaxes) {
        this.id = id;
        this.capacityBytes = capacityBytes;
        this.transferSyntaxes = List.of(String.join(",", transferSyntaxes).split(","));
    }

    /** The profile's identifier as written in DICOMDIR and Requested Media Application Profile. */
    public String id() {
        return id;
    }

    /** Capacity of one piece of media. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** Transfer syntax UIDs this profile allows on the medium. */
    public List<String> transferSyntaxes() {
        return transferSyntaxes;
    }

    /** Looks up a profile by its identifier, e.g. {@code STD-GEN-CD}. */
    public static MediaApplicationProfile of(String id) {
        for (MediaApplicationProfile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown media application profile: " + id);
    }

    private static final class TransferSyntaxes {
        static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
        static final String JPEG_FAMILY = "1.2.840.10008.1.2.4.50,1.2.840.10008.1.2.4.51,1.2.840.10008.1.2.4.57,1.2.840.10008.1.2.4.70";
        static final String J2K_FAMILY = "1.2.840.10008.1.2.4.90,1.2.840.10008.1.2.4.91";
    }
}
