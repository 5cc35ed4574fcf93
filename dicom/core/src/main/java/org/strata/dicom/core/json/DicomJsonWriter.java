package org.strata.dicom.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.PersonName;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.ValueCodec;

/**
 * Writes the DICOM JSON Model (PS3.18 F.2): an object keyed by 8-hex-digit tags, each with
 * "vr" and "Value" (strings, numbers, PN objects, nested data sets), "InlineBinary" (base64)
 * or "BulkDataURI". Empty values have no "Value" (F.2.5); empty strings in a multi-valued
 * element are {@code null}.
 */
public final class DicomJsonWriter {

    /**
     * @param bulkDataThreshold binary values longer than this many bytes that are held in memory
     *        are left out (no InlineBinary); values kept as {@link BulkData} are always written as
     *        BulkDataURI. Use {@code Long.MAX_VALUE} to inline everything.
     */
    public record Options(long bulkDataThreshold) {
        public static final Options INLINE_ALL = new Options(Long.MAX_VALUE);
    }

    private final JsonOutput out;
    private final Options options;

    public DicomJsonWriter(Appendable out, Options options) {
        this.out = new JsonOutput(out);
        this.options = options;
    }

    /** The JSON text of a data set (all values inline). */
    public static String toJson(Attributes attrs) {
        StringBuilder sb = new StringBuilder();
        try {
            new DicomJsonWriter(sb, Options.INLINE_ALL).write(attrs);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    public void write(Attributes attrs) throws IOException {
        out.raw("{");
        for (int i = 0; i < attrs.size(); i++) {
            if (i > 0) {
                out.raw(",");
            }
            out.string(Tags.toHex(attrs.tagAt(i))).raw(":");
            element(attrs, i);
        }
        out.raw("}");
    }

    private void element(Attributes attrs, int i) throws IOException {
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        out.raw("{\"vr\":").string(vr.name());
        if (value instanceof Sequence seq) {
            out.raw(",\"Value\":[");
            for (int k = 0; k < seq.size(); k++) {
                if (k > 0) {
                    out.raw(",");
                }
                write(seq.get(k));
            }
            out.raw("]");
        } else if (value instanceof BulkData bulk) {
            out.raw(",\"BulkDataURI\":").string(bulk.uri().toString());
        } else if (value instanceof Fragments fragments) {
            if (encapsulatedLength(fragments) <= options.bulkDataThreshold()) {
                binary(encapsulated(fragments));
            }
        } else if (value != null && (vr.isBulk() || vr == VR.OB)) {
            binary((byte[]) value);
        } else if (value != null) {
            values(attrs, i, vr);
        }
        out.raw("}");
    }

    /** Length of {@link #encapsulated(Fragments)} without building it. */
    public static long encapsulatedLength(Fragments fragments) {
        long total = 0;
        for (int k = 0; k < fragments.size(); k++) {
            total += 8 + fragments.length(k) + (fragments.length(k) & 1);
        }
        return total;
    }

    /** Encapsulated pixel data as its item stream (PS3.5 A.4), without the sequence delimiter. */
    public static byte[] encapsulated(Fragments fragments) throws IOException {
        return FragmentCodec.encode(fragments);
    }

    private void binary(byte[] b) throws IOException {
        if (b != null && b.length > 0 && b.length <= options.bulkDataThreshold()) {
            out.raw(",\"InlineBinary\":").string(Base64.getEncoder().encodeToString(b));
        }
    }

    private void values(Attributes attrs, int i, VR vr) throws IOException {
        String[] values = attrs.stringsAt(i);
        if (values.length == 0 || values.length == 1 && values[0].isEmpty()) {
            return;
        }
        out.raw(",\"Value\":[");
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.raw(",");
            }
            value(values[k], vr);
        }
        out.raw("]");
    }

    private void value(String v, VR vr) throws IOException {
        if (v.isEmpty()) {
            out.raw("null");
        } else if (vr == VR.PN) {
            personName(PersonName.parse(v));
        } else if (vr.isNumeric() || vr == VR.IS || vr == VR.DS) {
            number(v);
        } else {
            out.string(v);
        }
    }

    /** PS3.18 F.2.2: numbers as JSON numbers; anything not a valid number stays a string. */
    private void number(String v) throws IOException {
        try {
            String s = v.trim();
            new BigDecimal(s);
            out.raw(s.startsWith("+") ? s.substring(1) : s.startsWith(".") ? "0" + s : s.startsWith("-.") ? "-0" + s.substring(1) : s);
        } catch (NumberFormatException e) {
            out.string(v);
        }
    }

    /** PS3.18 F.2.2: {"Alphabetic": ..., "Ideographic": ..., "Phonetic": ...}, empty groups omitted. */
    private void personName(PersonName pn) throws IOException {
        out.raw("{");
        boolean first = true;
        for (PersonName.Group g : PersonName.Group.values()) {
            String s = pn.group(g);
            if (!s.isEmpty()) {
                if (!first) {
                    out.raw(",");
                }
                String key = g.name().charAt(0) + g.name().substring(1).toLowerCase(java.util.Locale.ROOT);
                out.string(key).raw(":").string(s);
                first = false;
            }
        }
        out.raw("}");
    }

    /** Encapsulated pixel data as its item stream without delimiter, PS3.5 A.4 (base64 in InlineBinary). */
    static final class FragmentCodec {

        private FragmentCodec() {
        }

        static byte[] encode(Fragments fragments) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Object f : fragments.list()) {
                byte[] bytes = f instanceof BulkData bulk ? bulk.readBytes() : (byte[]) f;
                int len = bytes.length + (bytes.length & 1);
                b.write(ValueCodec.fromLongs(VR.AT, Tags.ITEM & 0xFFFFFFFFL));
                b.write(ValueCodec.fromLongs(VR.UL, len));
                b.write(bytes);
                if ((bytes.length & 1) != 0) {
                    b.write(0);
                }
            }
            // the value ends before the Sequence Delimitation Item, as in pydicom
            return b.toByteArray();
        }
    }
}
