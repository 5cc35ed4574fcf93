package org.strata.dicom.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;

/**
 * A {@link FileTransform} for uncompressed data: re-encodes Implicit VR Little Endian, Explicit VR
 * Big Endian or Deflated Explicit VR Little Endian files as Explicit VR Little Endian (PS3.5 A.1-A.3,
 * A.5 to A.2), bulk data streamed from the source. Compressed (encapsulated) data needs a codec and
 * is refused.
 */
public final class NativeReencoding implements FileTransform {

    @Override
    public String transform(Path source, String sourceTs, Set<String> allowed, Path target) throws IOException {
        TransferSyntax ts = TransferSyntax.of(sourceTs);
        if (ts.encapsulated() || !allowed.contains(UID.ExplicitVRLittleEndian)) {
            throw new UnsupportedTransferSyntaxException(source, sourceTs,
                    "transfer syntax " + sourceTs + " needs transcoding (no codec in NativeReencoding)");
        }
        DicomFile in = Part10Reader.read(source, ReadOptions.builder()
                .bulkData(ReadOptions.BulkDataSelector.largerThan(64 * 1024)).build());
        Attributes meta = FileMetaInformation.create(in.dataset(), UID.ExplicitVRLittleEndian);
        // keep the original source AE and private meta elements out: this is a new file
        Part10Writer.write(target, new DicomFile(null, meta, in.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        return UID.ExplicitVRLittleEndian;
    }
}
