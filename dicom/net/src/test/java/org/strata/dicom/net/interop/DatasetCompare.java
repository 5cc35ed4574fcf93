package org.strata.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/** Compares the data sets of two files element by element, through a common encoding. */
final class DatasetCompare {

    private DatasetCompare() {
    }

    static byte[] canonical(Path file) throws IOException {
        DicomFile f = Part10Reader.read(file);
        // DCMTK drops retired group lengths (gggg,0000) and Data Set Trailing Padding (FFFC,FFFC)
        for (int i = f.dataset().size() - 1; i >= 0; i--) {
            if ((f.dataset().tagAt(i) & 0xFFFF) == 0 || f.dataset().tagAt(i) == 0xFFFCFFFC) {
                f.dataset().remove(f.dataset().tagAt(i));
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // sequence and item lengths may change encoding on the way: compare with undefined lengths
        new DicomWriter(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT
                .withSequenceLengths(WriteOptions.LengthEncoding.UNDEFINED)
                .withItemLengths(WriteOptions.LengthEncoding.UNDEFINED)
                .withGroupLengths(WriteOptions.GroupLengths.REMOVE)).writeDataset(f.dataset());
        return b.toByteArray();
    }

    static void assertSameDataSet(Path sent, Path received) throws IOException {
        assertArrayEquals(canonical(sent), canonical(received), sent + " vs " + received);
    }
}
