package org.strata.media;

import org.strata.dicom.media.ApplicationProfile;

/**
 * Bytes of DICOM content one piece of media holds for a profile, leaving room for the ISO 9660
 * structures, INDEX.HTM, README.TXT and thumbnails: CD-R 700 MB (PS3.12 Annex F, 80 min), DVD
 * 4.7 GB (PS3.12 Annex I); flash media are not split.
 */
public final class MediaCapacity {

    static final long CD_BYTES = 680L * 1024 * 1024;
    static final long DVD_BYTES = 4_400_000_000L;

    private MediaCapacity() {
    }

    public static long of(ApplicationProfile profile) {
        return switch (profile) {
            case STD_GEN_CD -> CD_BYTES;
            case STD_GEN_DVD_RAM, STD_GEN_DVD_JPEG, STD_GEN_DVD_J2K -> DVD_BYTES;
            case STD_GEN_USB_JPEG, STD_GEN_USB_J2K -> Long.MAX_VALUE / 2;
        };
    }
}
