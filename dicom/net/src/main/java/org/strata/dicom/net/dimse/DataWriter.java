package org.strata.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data set, already encoded in the presentation context's transfer syntax, to the PDV stream. */
@FunctionalInterface
public interface DataWriter {

    void writeTo(OutputStream out) throws IOException;

    static DataWriter of(byte[] encoded) {
        return out -> out.write(encoded);
    }
}
