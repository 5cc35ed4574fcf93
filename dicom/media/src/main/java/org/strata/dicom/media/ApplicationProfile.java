package org.strata.dicom.media;

import java.util.Set;

import org.strata.dicom.core.UID;

/**
 * General-purpose application profiles of PS3.11 with the transfer syntaxes their files may use.
 * The DICOMDIR itself is always Explicit VR Little Endian (PS3.10 7.2, PS3.11 D.3.2).
 */
public enum ApplicationProfile {
    /** PS3.11 Annex D: STD-GEN-CD, Explicit VR Little Endian only. */
    STD_GEN_CD("STD-GEN-CD", UID.ExplicitVRLittleEndian),
    /** PS3.11 Annex D: STD-GEN-DVD-RAM, as STD-GEN-CD. */
    STD_GEN_DVD_RAM("STD-GEN-DVD-RAM", UID.ExplicitVRLittleEndian),
    /** PS3.11 Annex H: DVD with JPEG (baseline, extended, lossless SV1). */
    STD_GEN_DVD_JPEG("STD-GEN-DVD-JPEG", UID.ExplicitVRLittleEndian, "1.2.840.10008.1.2.4.50",
            "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.70"),
    /** PS3.11 Annex H: DVD with JPEG 2000. */
    STD_GEN_DVD_J2K("STD-GEN-DVD-J2K", UID.ExplicitVRLittleEndian, "1.2.840.10008.1.2.4.90",
            "1.2.840.10008.1.2.4.91"),
    /** PS3.11 Annex J: USB and flash media with JPEG. */
    STD_GEN_USB_JPEG("STD-GEN-USB-JPEG", UID.ExplicitVRLittleEndian, "1.2.840.10008.1.2.4.50",
            "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.70"),
    /** PS3.11 Annex J: USB and flash media with JPEG 2000. */
    STD_GEN_USB_J2K("STD-GEN-USB-J2K", UID.ExplicitVRLittleEndian, "1.2.840.10008.1.2.4.90",
            "1.2.840.10008.1.2.4.91");

    private final String id;
    private final Set<String> transferSyntaxes;

    ApplicationProfile(String id, String... transferSyntaxes) {
        this.id = id;
        this.transferSyntaxes = Set.of(transferSyntaxes);
    }

    /** The profile's name as PS3.11 writes it, e.g. {@code STD-GEN-CD}. */
    public String id() {
        return id;
    }

    public Set<String> transferSyntaxes() {
        return transferSyntaxes;
    }

    public boolean allows(String tsUid) {
        return transferSyntaxes.contains(tsUid);
    }

    /** The profile named {@code id} (e.g. {@code STD-GEN-CD}). */
    public static ApplicationProfile of(String id) {
        for (ApplicationProfile p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown application profile: " + id);
    }
}
