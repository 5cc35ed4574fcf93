package org.strata.dicom.core;

/** Helpers on 32-bit data element tags (group in the high 16 bits, element in the low; PS3.5 7.1). */
public final class Tags {

    /** (FFFE,E000) Item (PS3.5 7.5). */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item (PS3.5 7.5). */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item (PS3.5 7.5). */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tags() {
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static int of(int group, int element) {
        return group << 16 | element;
    }

    /** Odd groups other than 0001, 0003, 0005, 0007 and FFFF are private (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 7 && group != 0xFFFF;
    }

    /** A Private Creator Data Element (gggg,0010-00FF) (PS3.5 7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x10 && element <= 0xFF;
    }

    /** The creator tag (gggg,00xx) that reserves private tag (gggg,xxyy), or 0 (PS3.5 7.8.1). */
    public static int privateCreatorOf(int tag) {
        int block = element(tag) >>> 8;
        return isPrivate(tag) && block >= 0x10 ? (tag & 0xFFFF0000) | block : 0;
    }

    /** Group Length (gggg,0000) (PS3.5 7.2). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** Formats as {@code (gggg,eeee)} in upper-case hex. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }

    /** Formats as 8 upper-case hex digits, as in DICOM JSON and XML (PS3.18 F.2.1.1, PS3.19). */
    public static String toHex(int tag) {
        return String.format("%08X", tag);
    }

    /** Parses {@code gggg,eeee}, {@code (gggg,eeee)} or {@code ggggeeee}. */
    public static int parse(String s) {
        String hex = s.replace("(", "").replace(")", "").replace(",", "").trim();
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + s);
        }
        return (int) Long.parseLong(hex, 16);
    }
}
