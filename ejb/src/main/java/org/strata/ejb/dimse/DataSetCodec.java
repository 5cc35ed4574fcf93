package org.strata.ejb.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/** Data sets kept in the database (requests, reports, MPPS and worklist items) as Explicit VR LE bytes. */
public final class DataSetCodec {

    private DataSetCodec() {
    }

    public static byte[] encode(Attributes attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try {
            new DicomWriter(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                    .writeDataset(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a data set in memory", e);
        }
        return bytes.toByteArray();
    }

    public static Attributes decode(byte[] bytes) {
        try {
            return DicomReader.read(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("stored data set cannot be read", e);
        }
    }
}
