package org.strata.dicom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;

/** Deep comparison of data sets as read back after re-encoding. */
public final class DatasetAssert {

    private DatasetAssert() {
    }

    /**
     * Asserts same tags and same values. When {@code implicitTarget}, VRs may differ (an implicit
     * reader takes them from the dictionary) and a sequence the dictionary does not know comes
     * back as UN bytes, which must equal the sequence's implicit encoding.
     */
    public static void assertSameContent(Attributes expected, Attributes actual, boolean implicitTarget, String where) {
        assertArrayEquals(tags(expected), tags(actual), where + ": tags");
        for (int i = 0; i < expected.size(); i++) {
            int tag = expected.tagAt(i);
            String at = where + " " + Tags.toString(tag);
            int j = actual.indexOf(tag);
            Object e = expected.valueAt(i);
            Object a = actual.valueAt(j);
            if (!implicitTarget && !(e instanceof Sequence) && expected.vrAt(i) != VR.UN) {
                VR ev = expected.vrAt(i);
                VR av = actual.vrAt(j);
                assertTrue(ev == av || av == VR.UN, at + ": VR " + ev + " became " + av);
            }
            if (Tags.isGroupLength(tag)) {
                continue; // recalculated by the writer for the target encoding (PS3.5 7.2)
            }
            if (e instanceof Sequence es) {
                if (a instanceof byte[] raw) {
                    assertTrue(implicitTarget, at + ": sequence came back as bytes");
                    assertArrayEquals(implicitItems(expected, tag), raw, at + ": UN bytes of sequence");
                    continue;
                }
                Sequence as = (Sequence) a;
                assertEquals(es.size(), as.size(), at + ": items");
                for (int k = 0; k < es.size(); k++) {
                    assertSameContent(es.get(k), as.get(k), implicitTarget, at + "[" + k + "]");
                }
            } else if (e instanceof Fragments ef) {
                Fragments af = (Fragments) a;
                assertEquals(ef.size(), af.size(), at + ": fragments");
                for (int k = 0; k < ef.size(); k++) {
                    assertArrayEquals(padded((byte[]) ef.get(k)), (byte[]) af.get(k), at + ": fragment " + k);
                }
            } else if (a instanceof Sequence && implicitTarget && expected.vrAt(i) == VR.UN) {
                // UN bytes of a standard sequence, read back implicit as SQ by the dictionary
                assertArrayEquals(padded(bytes(e)), implicitItems(actual, tag), at + ": SQ from UN bytes");
            } else {
                assertTrue(a == null || a instanceof byte[], at + ": " + a + " instead of bytes");
                assertArrayEquals(padded(bytes(e)), padded(bytes(a)), at + ": value");
            }
        }
    }

    private static byte[] bytes(Object v) {
        return v == null ? new byte[0] : (byte[]) v;
    }

    /** Values compare after even padding (the writer pads odd values, PS3.5 7.1.1). */
    private static byte[] padded(byte[] b) {
        return b.length % 2 == 0 ? b : Arrays.copyOf(b, b.length + 1);
    }

    private static int[] tags(Attributes attrs) {
        int[] t = new int[attrs.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = attrs.tagAt(i);
        }
        return t;
    }

    private static byte[] implicitItems(Attributes holder, int tag) {
        Attributes single = new Attributes();
        single.setValue(Tag.SpecificCharacterSet, VR.CS, holder.getValue(Tag.SpecificCharacterSet));
        Sequence copy = single.newSequence(tag);
        Sequence original = holder.getSequence(tag);
        copy.setUndefinedLength(false);
        for (Attributes item : original) {
            Attributes c = new Attributes().addAll(item);
            c.setUndefinedItemLength(item.undefinedItemLength());
            copy.add(c);
        }
        single.remove(Tag.SpecificCharacterSet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(single, out, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] all = out.toByteArray();
        if (all.length < 8) {
            fail("no sequence written");
        }
        return Arrays.copyOfRange(all, 8, all.length);
    }
}
