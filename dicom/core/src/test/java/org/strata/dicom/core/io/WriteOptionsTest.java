package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.DatasetAssert;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;

/** Sequence/item length forms and group length handling of the writer (PS3.5 7.2, 7.5). */
class WriteOptionsTest {

    private static final Path SR = Corpus.PYDICOM_DATA.resolve("test_files/test-SR.dcm");

    @Test
    void definedAndUndefinedLengthsReadBackTheSame() throws Exception {
        Attributes ds = Part10Reader.read(SR).dataset();
        for (WriteOptions.LengthEncoding enc : WriteOptions.LengthEncoding.values()) {
            WriteOptions options = WriteOptions.DEFAULT.withSequenceLengths(enc).withItemLengths(enc);
            byte[] b = write(ds, options);
            Attributes back = DicomReader.read(new ByteArrayInputStream(b), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            DatasetAssert.assertSameContent(ds, back, false, enc.name());
            Sequence seq = back.getSequence(Tag.ContentSequence);
            if (enc != WriteOptions.LengthEncoding.AS_READ) {
                boolean undefined = enc == WriteOptions.LengthEncoding.UNDEFINED;
                assertEquals(undefined, seq.undefinedLength(), enc.name());
                assertEquals(undefined, seq.get(0).undefinedItemLength(), enc.name());
            }
        }
    }

    @Test
    void groupLengthsRecalculatedOrRemoved() throws Exception {
        Attributes ds = Part10Reader.read(Corpus.PYDICOM_DATA.resolve("test_files/ExplVR_BigEnd.dcm")).dataset();
        assertTrue(ds.contains(0x00080000));
        Attributes removed = DicomReader.read(new ByteArrayInputStream(
                write(ds, WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.REMOVE))),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertFalse(removed.contains(0x00080000));
        assertEquals(ds.size() - removed.size(), countGroupLengths(ds));
        Attributes kept = DicomReader.read(new ByteArrayInputStream(write(ds, WriteOptions.DEFAULT)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        // (0008,0000) = encoded length of the rest of group 0008, recomputed by encoding that group alone
        Attributes group8 = new Attributes();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.tagAt(i) >>> 16 == 8 && ds.tagAt(i) != 0x00080000) {
                group8.setValue(ds.tagAt(i), ds.vrAt(i), ds.valueAt(i));
            }
        }
        assertEquals(write(group8, WriteOptions.DEFAULT).length, kept.getInt(0x00080000, -1));
    }

    private static int countGroupLengths(Attributes ds) {
        int n = 0;
        for (int i = 0; i < ds.size(); i++) {
            n += (ds.tagAt(i) & 0xFFFF) == 0 ? 1 : 0;
        }
        return n;
    }

    private static byte[] write(Attributes ds, WriteOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, options).writeDataset(ds);
        return out.toByteArray();
    }
}
