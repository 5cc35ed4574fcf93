package org.strata.dicom.core.json;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.PersonName;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.ValueCodec;

/**
 * Reads the DICOM JSON Model (PS3.18 F.2) into {@link Attributes}. BulkDataURIs of the form our
 * writer produces ({@code file:...?offset=N&length=M}) become {@link BulkData}; other URIs
 * cannot be resolved here and leave the value empty.
 */
public final class DicomJsonReader {

    private DicomJsonReader() {
    }

    /** Parses a JSON object of one data set; malformed input throws IllegalArgumentException. */
    public static Attributes read(String json) {
        Object root = JsonParser.parse(json);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("DICOM JSON: a data set must be a JSON object");
        }
        Attributes attrs = new Attributes();
        readInto(attrs, map);
        return attrs;
    }

    /** Decodes an already parsed JSON model (also the form {@code NativeXmlReader} maps XML onto). */
    public static Attributes fromModel(Map<?, ?> model) {
        Attributes attrs = new Attributes();
        readInto(attrs, model);
        return attrs;
    }

    private static void readInto(Attributes attrs, Map<?, ?> map) {
        // (0008,0005) first: the other values are encoded with it later
        for (Map.Entry<?, ?> e : map.entrySet()) {
            int tag = Tags.parse((String) e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> element) || !(element.get("vr") instanceof String code)) {
                throw new IllegalArgumentException("DICOM JSON: element " + e.getKey() + " without vr");
            }
            VR vr = VR.ofCode(code);
            if (vr == null) {
                throw new IllegalArgumentException("DICOM JSON: unknown vr " + code + " of " + e.getKey());
            }
            element(attrs, tag, vr, element);
        }
    }

    private static void element(Attributes attrs, int tag, VR vr, Map<?, ?> element) {
        if (element.get("InlineBinary") instanceof String b64) {
            byte[] bytes = Base64.getDecoder().decode(b64);
            if (tag == Tag.PixelData && vr == VR.OB && startsWithItem(bytes)) {
                attrs.setValue(tag, vr, fragments(bytes));
            } else {
                attrs.setValue(tag, vr, bytes);
            }
            return;
        }
        if (element.get("BulkDataURI") instanceof String uri) {
            attrs.setValue(tag, vr, bulkData(uri));
            return;
        }
        Object v = element.get("Value");
        List<?> values = v instanceof List<?> l ? l : List.of();
        if (vr == VR.SQ) {
            Sequence seq = attrs.newSequence(tag);
            for (Object item : values) {
                readInto(seq.newItem(), (Map<?, ?>) item);
            }
            return;
        }
        if (values.isEmpty()) {
            attrs.setValue(tag, vr, null);
        } else if (vr.isText()) {
            attrs.setString(tag, vr, values.stream().map(x -> text(x, vr)).toArray(String[]::new));
        } else if (vr == VR.AT) {
            attrs.setValue(tag, vr, ValueCodec.fromLongs(vr,
                    values.stream().mapToLong(x -> Long.parseLong((String) x, 16)).toArray()));
        } else if (vr == VR.FL || vr == VR.FD) {
            attrs.setValue(tag, vr, ValueCodec.fromDoubles(vr,
                    values.stream().mapToDouble(x -> x instanceof BigDecimal d ? Double.parseDouble(d.toString())
                            : Double.parseDouble((String) x)).toArray()));
        } else {
            attrs.setValue(tag, vr, ValueCodec.fromLongs(vr, values.stream().mapToLong(x -> x instanceof BigDecimal d
                    ? (vr == VR.UV ? d.toBigInteger().longValue() : d.longValueExact())
                    : Long.parseLong((String) x)).toArray()));
        }
    }

    private static String text(Object x, VR vr) {
        if (x == null) {
            return "";
        }
        if (x instanceof Map<?, ?> pn) {
            return new PersonName(str(pn.get("Alphabetic")), str(pn.get("Ideographic")), str(pn.get("Phonetic")))
                    .toString();
        }
        if (x instanceof BigDecimal d) {
            return vr == VR.IS && d.scale() > 0 ? d.toBigInteger().toString() : d.toString();
        }
        return x.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static boolean startsWithItem(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF && b[2] == 0 && (b[3] & 0xFF) == 0xE0;
    }

    /** Splits an encapsulated item stream (PS3.5 A.4) into fragments. */
    private static Fragments fragments(byte[] b) {
        Fragments fragments = new Fragments(VR.OB);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        while (bb.remaining() >= 8) {
            int tag = bb.getShort() << 16 | bb.getShort() & 0xFFFF;
            long len = bb.getInt() & 0xFFFFFFFFL;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM || len > bb.remaining()) {
                throw new IllegalArgumentException("DICOM JSON: corrupt encapsulated pixel data");
            }
            byte[] f = new byte[(int) len];
            bb.get(f);
            fragments.add(f);
        }
        return fragments;
    }

    private static BulkData bulkData(String uri) {
        URI u = URI.create(uri);
        if (!"file".equals(u.getScheme()) || u.getQuery() == null) {
            return null;
        }
        long offset = -1;
        long length = -1;
        for (String param : u.getQuery().split("&")) {
            String[] kv = param.split("=", 2);
            if (kv.length == 2 && kv[0].equals("offset")) {
                offset = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("length")) {
                length = Long.parseLong(kv[1]);
            }
        }
        if (offset < 0 || length < 0) {
            return null;
        }
        return new BulkData(Path.of(URI.create(uri.substring(0, uri.indexOf('?')))), offset, length, false);
    }
}
