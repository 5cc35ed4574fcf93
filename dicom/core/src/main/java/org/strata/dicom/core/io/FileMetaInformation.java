package org.strata.dicom.core.io;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/** Builds the File Meta Information group of PS3.10 7.1. */
public final class FileMetaInformation {

    /** Our implementation class UID (PS3.7 D.3.3.2), under the 2.25 UUID-derived root (PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.151339281375207768614618396153532390719";
    public static final String IMPLEMENTATION_VERSION_NAME = "STRATA_010";

    private FileMetaInformation() {
    }

    /** Meta information for an instance stored in transfer syntax {@code tsUid}. */
    public static Attributes create(String sopClassUid, String sopInstanceUid, String tsUid) {
        Attributes meta = new Attributes();
        meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 0);
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, tsUid);
        meta.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    /** Meta information for {@code dataset}, taking SOP Class/Instance UID from it. */
    public static Attributes create(Attributes dataset, String tsUid) {
        return create(dataset.getString(Tag.SOPClassUID, ""), dataset.getString(Tag.SOPInstanceUID, ""), tsUid);
    }
}
