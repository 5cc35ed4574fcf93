package org.strata.dicom.core.io;

import org.strata.dicom.core.UID;

/**
 * The encoding properties of a transfer syntax (PS3.5 10, Annex A): VR explicit or implicit,
 * byte order, deflate (A.5) and whether pixel data is encapsulated (A.4).
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
        boolean encapsulated) {

    /** PS3.5 A.1: the default transfer syntax, also the encoding of every DIMSE command set (PS3.7 6.3.1). */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, false, false, false, false);
    /** PS3.5 A.2; also the encoding of the File Meta Information (PS3.10 7.1). */
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, true, false, false, false);
    /** PS3.5 A.3 (retired). */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, true, true, false, false);
    /** PS3.5 A.5. */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, true, false, true, false);

    /**
     * The properties of {@code uid}. Every syntax not listed in PS3.5 A.1-A.3, A.5 is taken as
     * Explicit VR Little Endian with encapsulated pixel data (PS3.5 A.4), which holds for all
     * compressed syntaxes; JPIP Referenced Deflate is deflated (PS3.5 A.5, A.7).
     */
    public static TransferSyntax of(String uid) {
        String u = uid.trim();
        return switch (u) {
            case UID.ImplicitVRLittleEndian -> IMPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRLittleEndian -> EXPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRBigEndian -> EXPLICIT_VR_BIG_ENDIAN;
            case UID.DeflatedExplicitVRLittleEndian -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.4.95" -> new TransferSyntax(u, true, false, true, false);
            default -> new TransferSyntax(u, true, false, false, true);
        };
    }

    /** The four uncompressed native syntaxes a data set can be re-encoded into. */
    public static TransferSyntax[] uncompressed() {
        return new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
    }
}
