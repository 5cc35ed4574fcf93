package org.strata.jca;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.DataWriter;

/** Small data sets of DIMSE-N messages (attribute lists, event and action information) in memory. */
final class DataSets {

    private DataSets() {
    }

    /** Encodes {@code attributes} in the transfer syntax, or returns null for no data set. */
    static DataWriter encode(Attributes attributes, String transferSyntax) throws IOException {
        if (attributes == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        new DicomWriter(bytes, TransferSyntax.of(transferSyntax), WriteOptions.DEFAULT).writeDataset(attributes);
        return DataWriter.of(bytes.toByteArray());
    }

    static Attributes decode(InputStream in, String transferSyntax) throws IOException {
        return DicomReader.read(in, TransferSyntax.of(transferSyntax));
    }

    /** Decodes a response data set, or returns null when the response had none. */
    static Attributes decode(byte[] data, String transferSyntax) throws IOException {
        return data == null ? null : decode(new ByteArrayInputStream(data), transferSyntax);
    }
}
