package org.strata.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set (PS3.7 6.3, E.1), always encoded in Implicit VR Little Endian (PS3.7 6.3.1).
 * Values: {@link Integer} for US/UL, {@link String} for UI/AE/LO/SH, {@code int[]} for AT, raw
 * {@code byte[]} for elements we do not know. This is the network layer's own minimal codec for
 * group 0000; data sets are opaque to it.
 */
public final class Command {

    /** Command Data Set Type (0000,0800) meaning "no data set" (PS3.7 E.1). */
    public static final int NO_DATA_SET = 0x0101;
    /** Upper bound for a received command set. */
    static final int MAX_LENGTH = 1 << 16;

    private final TreeMap<Integer, Object> elements = new TreeMap<>(Integer::compareUnsigned);

    public Command set(CommandElement e, Object value) {
        if (value == null) {
            elements.remove(e.tag());
        } else {
            elements.put(e.tag(), value);
        }
        return this;
    }

    public boolean contains(CommandElement e) {
        return elements.containsKey(e.tag());
    }

    public int getInt(CommandElement e, int defaultValue) {
        return elements.get(e.tag()) instanceof Integer i ? i : defaultValue;
    }

    public String getString(CommandElement e) {
        return elements.get(e.tag()) instanceof String s ? s : null;
    }

    public int[] getTags(CommandElement e) {
        return elements.get(e.tag()) instanceof int[] t ? t.clone() : null;
    }

    public CommandField commandField() {
        return CommandField.of(getInt(CommandElement.CommandField, -1));
    }

    public int messageId() {
        return getInt(CommandElement.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return getInt(CommandElement.MessageIDBeingRespondedTo, -1);
    }

    public int status() {
        return getInt(CommandElement.Status, -1);
    }

    public boolean hasDataSet() {
        return getInt(CommandElement.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    /** Copies every element except the group length into {@code other}. */
    public void copyTo(Command other) {
        elements.forEach((t, v) -> {
            if (t != 0) {
                other.elements.put(t, v);
            }
        });
    }

    public Map<Integer, Object> asMap() {
        return java.util.Collections.unmodifiableMap(elements);
    }

    /** Encodes with the Command Group Length (0000,0000) first, PS3.7 E.1. */
    public byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        elements.forEach((tag, value) -> {
            if (tag != 0) {
                writeElement(body, tag, valueBytes(tag, value));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 12);
        writeElement(out, 0, le(body.size(), 4));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] valueBytes(int tag, Object value) {
        CommandElement e = CommandElement.of(tag);
        String vr = e == null ? "UN" : e.vr();
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof int[] tags) {
            byte[] b = new byte[tags.length * 4];
            for (int i = 0; i < tags.length; i++) {
                System.arraycopy(le(tags[i] >>> 16, 2), 0, b, i * 4, 2);
                System.arraycopy(le(tags[i] & 0xFFFF, 2), 0, b, i * 4 + 2, 2);
            }
            return b;
        }
        if (value instanceof Integer i) {
            return le(i, vr.equals("UL") ? 4 : 2);
        }
        byte[] s = value.toString().getBytes(StandardCharsets.US_ASCII);
        if (s.length % 2 == 0) {
            return s;
        }
        byte[] padded = Arrays.copyOf(s, s.length + 1); // UI pads with NUL, text VRs with space (PS3.5 6.2)
        padded[s.length] = (byte) (vr.equals("UI") ? 0 : ' ');
        return padded;
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
        out.writeBytes(le(value.length, 4));
        out.writeBytes(value);
    }

    private static byte[] le(int v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** Decodes an Implicit VR Little Endian command set; every length is checked. */
    public static Command decode(byte[] b) throws DimseFormatException {
        Command c = new Command();
        int pos = 0;
        while (pos < b.length) {
            if (b.length - pos < 8) {
                throw new DimseFormatException("command set truncated inside an element header");
            }
            int group = u16(b, pos);
            int element = u16(b, pos + 2);
            long len = u16(b, pos + 4) | ((long) u16(b, pos + 6) << 16);
            pos += 8;
            if (group != 0 || len > b.length - pos) {
                throw new DimseFormatException(String.format("command element (%04X,%04X) of length %d", group,
                        element, len));
            }
            int tag = element;
            c.elements.put(tag, value(tag, b, pos, (int) len));
            pos += (int) len;
        }
        if (c.commandField() == null) {
            throw new DimseFormatException("command set without a known Command Field: "
                    + c.elements.get(CommandElement.CommandField.tag()));
        }
        return c;
    }

    private static Object value(int tag, byte[] b, int pos, int len) throws DimseFormatException {
        CommandElement e = CommandElement.of(tag);
        if (e == null) {
            return Arrays.copyOfRange(b, pos, pos + len);
        }
        switch (e.vr()) {
            case "US":
                if (len != 2) {
                    throw new DimseFormatException(e + " has length " + len);
                }
                return u16(b, pos);
            case "UL":
                if (len != 4) {
                    throw new DimseFormatException(e + " has length " + len);
                }
                return u16(b, pos) | (u16(b, pos + 2) << 16);
            case "AT":
                int[] tags = new int[len / 4];
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = (u16(b, pos + i * 4) << 16) | u16(b, pos + i * 4 + 2);
                }
                return tags;
            default:
                int end = pos + len;
                while (end > pos && (b[end - 1] == 0 || b[end - 1] == ' ')) {
                    end--;
                }
                int start = pos;
                while (start < end && b[start] == ' ' && !e.vr().equals("UI")) {
                    start++;
                }
                return new String(b, start, end - start, StandardCharsets.US_ASCII);
        }
    }

    private static int u16(byte[] b, int pos) {
        return (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        CommandField f = commandField();
        sb.append(f == null ? "?" : f.name()).append('[');
        elements.forEach((t, v) -> {
            CommandElement e = CommandElement.of(t);
            if (e != null && e != CommandElement.CommandField && e != CommandElement.CommandGroupLength) {
                sb.append(e.name()).append('=').append(v instanceof int[] a ? Arrays.toString(a) : v).append(", ");
            }
        });
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 2);
        }
        return sb.append(']').toString();
    }
}
