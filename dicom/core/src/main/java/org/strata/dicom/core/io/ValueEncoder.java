package org.strata.dicom.core.io;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.ValueCodec;
import org.strata.dicom.core.charset.SpecificCharacterSet;

/** Turns an in-memory value (not a sequence or fragments) into its encoded bytes, even-padded (PS3.5 7.1.1). */
final class ValueEncoder {

    private ValueEncoder() {
    }

    /** Encoded bytes, little endian for binary VRs, without padding; {@code null} for bulk data. */
    static byte[] bytes(Attributes attrs, VR vr, Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof BulkData) {
            return null;
        }
        String text = value instanceof String[] s ? ValueCodec.join(s) : value.toString();
        if (!vr.isText()) {
            return encodeNumbers(vr, text);
        }
        SpecificCharacterSet cs = vr.usesSpecificCharacterSet() ? attrs.specificCharacterSet()
                : SpecificCharacterSet.DEFAULT;
        return cs.encode(text, vr);
    }

    private static byte[] encodeNumbers(VR vr, String text) {
        String[] parts = text.isEmpty() ? new String[0] : text.split("\\\\");
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = new double[parts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Double.parseDouble(parts[i].trim());
            }
            return ValueCodec.fromDoubles(vr, d);
        }
        long[] l = new long[parts.length];
        for (int i = 0; i < l.length; i++) {
            String p = parts[i].trim();
            l[i] = vr == VR.AT ? Long.parseLong(p, 16) : p.startsWith("-") ? Long.parseLong(p) : Long.parseUnsignedLong(p);
        }
        return ValueCodec.fromLongs(vr, l);
    }

    /** Encoded length including the padding byte of an odd value. */
    static long paddedLength(long length) {
        return length + (length & 1);
    }
}
