package org.strata.dicom.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between binary values (held little endian in memory, PS3.5 7.3) and Java numbers,
 * and the splitting of character values into their multiple values (PS3.5 6.4).
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** Swaps the byte order of each {@code unit}-byte unit in place (PS3.5 7.3). */
    public static byte[] swap(byte[] b, int unit) {
        if (unit > 1) {
            for (int i = 0; i + unit <= b.length; i += unit) {
                for (int j = 0; j < unit / 2; j++) {
                    byte t = b[i + j];
                    b[i + j] = b[i + unit - 1 - j];
                    b[i + unit - 1 - j] = t;
                }
            }
        }
        return b;
    }

    /** The number of whole values in a binary value of {@code vr}. */
    public static int count(byte[] b, VR vr) {
        int width = vr == VR.AT ? 4 : vr.unitSize();
        return width == 0 ? 0 : b.length / width;
    }

    /** Value {@code i} as a long (integers, AT) or -1 for an unsuitable VR. */
    public static long longAt(byte[] b, VR vr, int i) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case US, OW -> bb.getShort(i * 2) & 0xFFFF;
            case SS -> bb.getShort(i * 2);
            case UL, OL -> bb.getInt(i * 4) & 0xFFFFFFFFL;
            case SL -> bb.getInt(i * 4);
            case AT -> (bb.getShort(i * 4) & 0xFFFFL) << 16 | (bb.getShort(i * 4 + 2) & 0xFFFF);
            case SV, UV, OV -> bb.getLong(i * 8);
            case FL, OF -> (long) bb.getFloat(i * 4);
            case FD, OD -> (long) bb.getDouble(i * 8);
            case OB, UN -> b[i] & 0xFF;
            default -> -1;
        };
    }

    /** Value {@code i} as a double. */
    public static double doubleAt(byte[] b, VR vr, int i) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case FL, OF -> bb.getFloat(i * 4);
            case FD, OD -> bb.getDouble(i * 8);
            case UV -> unsignedLongToDouble(bb.getLong(i * 8));
            default -> longAt(b, vr, i);
        };
    }

    private static double unsignedLongToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** Value {@code i} in its canonical text form (as in DICOM JSON and dumps). */
    public static String stringAt(byte[] b, VR vr, int i) {
        return switch (vr) {
            case FL, OF -> Float.toString(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getFloat(i * 4));
            case FD, OD -> Double.toString(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getDouble(i * 8));
            case UV -> Long.toUnsignedString(longAt(b, vr, i));
            case AT -> Tags.toHex((int) longAt(b, vr, i));
            default -> Long.toString(longAt(b, vr, i));
        };
    }

    /** All values of a binary value as text. */
    public static String[] strings(byte[] b, VR vr) {
        String[] s = new String[count(b, vr)];
        for (int i = 0; i < s.length; i++) {
            s[i] = stringAt(b, vr, i);
        }
        return s;
    }

    /** Encodes integers (US, SS, UL, SL, SV, UV, AT, OW, OL, OB) little endian. */
    public static byte[] fromLongs(VR vr, long... values) {
        int width = vr == VR.AT ? 4 : Math.max(1, vr.unitSize());
        ByteBuffer bb = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (vr) {
                case AT -> bb.putShort((short) (v >>> 16)).putShort((short) v);
                case FL, OF -> bb.putFloat(v);
                case FD, OD -> bb.putDouble(v);
                default -> putInt(bb, width, v);
            }
        }
        return bb.array();
    }

    private static void putInt(ByteBuffer bb, int width, long v) {
        switch (width) {
            case 1 -> bb.put((byte) v);
            case 2 -> bb.putShort((short) v);
            case 4 -> bb.putInt((int) v);
            default -> bb.putLong(v);
        }
    }

    /** Encodes floating point values (FL, FD, OF, OD) little endian. */
    public static byte[] fromDoubles(VR vr, double... values) {
        boolean single = vr == VR.FL || vr == VR.OF;
        ByteBuffer bb = ByteBuffer.allocate(values.length * (single ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (single) {
                bb.putFloat((float) v);
            } else {
                bb.putDouble(v);
            }
        }
        return bb.array();
    }

    /**
     * Splits decoded character data into values: on backslash for multi-valued VRs, as one value
     * for LT, ST, UT, UR (PS3.5 6.2, 6.4); insignificant padding is removed.
     */
    public static String[] split(String s, VR vr) {
        if (s.isEmpty()) {
            return new String[0];
        }
        if (vr.kind() == VR.Kind.TEXT) {
            return new String[] {trim(s, vr)};
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', start)) {
            values.add(trim(s.substring(start, i), vr));
            start = i + 1;
        }
        values.add(trim(s.substring(start), vr));
        return values.toArray(new String[0]);
    }

    /**
     * Removes padding: trailing spaces and NULs always; leading spaces too where PS3.5 Table
     * 6.2-1 calls them insignificant (not for LT, ST, UT, UR, UC, PN).
     */
    public static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        boolean leading = vr != VR.LT && vr != VR.ST && vr != VR.UT && vr != VR.UR && vr != VR.UC
                && vr != VR.PN;
        while (leading && start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    /** Joins values with backslash (PS3.5 6.4). */
    public static String join(String... values) {
        return String.join("\\", values);
    }
}
