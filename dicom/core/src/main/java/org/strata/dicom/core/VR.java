package org.strata.dicom.core;

/**
 * Value Representations of PS3.5 6.2, each carrying its encoding behaviour: the explicit VR
 * header form (PS3.5 7.1.2), the padding byte (PS3.5 6.2, 6.4), the value kind and the width of
 * a binary unit (for byte swapping between little and big endian, PS3.5 7.3).
 */
public enum VR {
    AE(Kind.STRING, ' ', 0, false, false),
    AS(Kind.STRING, ' ', 0, false, false),
    AT(Kind.BINARY, 0, 2, false, false),
    CS(Kind.STRING, ' ', 0, false, false),
    DA(Kind.STRING, ' ', 0, false, false),
    DS(Kind.STRING, ' ', 0, false, false),
    DT(Kind.STRING, ' ', 0, false, false),
    FD(Kind.BINARY, 0, 8, false, false),
    FL(Kind.BINARY, 0, 4, false, false),
    IS(Kind.STRING, ' ', 0, false, false),
    LO(Kind.STRING, ' ', 0, false, true),
    LT(Kind.TEXT, ' ', 0, false, true),
    OB(Kind.BINARY, 0, 1, true, false),
    OD(Kind.BINARY, 0, 8, true, false),
    OF(Kind.BINARY, 0, 4, true, false),
    OL(Kind.BINARY, 0, 4, true, false),
    OV(Kind.BINARY, 0, 8, true, false),
    OW(Kind.BINARY, 0, 2, true, false),
    PN(Kind.STRING, ' ', 0, false, true),
    SH(Kind.STRING, ' ', 0, false, true),
    SL(Kind.BINARY, 0, 4, false, false),
    SQ(Kind.SEQUENCE, 0, 0, true, false),
    SS(Kind.BINARY, 0, 2, false, false),
    ST(Kind.TEXT, ' ', 0, false, true),
    SV(Kind.BINARY, 0, 8, true, false),
    TM(Kind.STRING, ' ', 0, false, false),
    UC(Kind.STRING, ' ', 0, true, true),
    UI(Kind.STRING, 0, 0, false, false),
    UL(Kind.BINARY, 0, 4, false, false),
    UN(Kind.BINARY, 0, 1, true, false),
    UR(Kind.TEXT, ' ', 0, true, false),
    US(Kind.BINARY, 0, 2, false, false),
    UT(Kind.TEXT, ' ', 0, true, true),
    UV(Kind.BINARY, 0, 8, true, false);

    /** How a value of this VR is structured. */
    public enum Kind {
        /** Character string, multiple values separated by backslash (PS3.5 6.4). */
        STRING,
        /** Character text, a single value; backslash is an ordinary character (PS3.5 6.2: LT, ST, UT, UR). */
        TEXT,
        /** Fixed-width binary numbers or bytes. */
        BINARY,
        /** Sequence of items (PS3.5 7.5). */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[(vr.name().charAt(0) - 'A') * 26 + vr.name().charAt(1) - 'A'] = vr;
        }
    }

    private final Kind kind;
    private final byte paddingByte;
    private final int unitSize;
    private final boolean longHeader;
    private final boolean specificCharacterSet;

    VR(Kind kind, int paddingByte, int unitSize, boolean longHeader, boolean specificCharacterSet) {
        this.kind = kind;
        this.paddingByte = (byte) paddingByte;
        this.unitSize = unitSize;
        this.longHeader = longHeader;
        this.specificCharacterSet = specificCharacterSet;
    }

    /** The VR for its two-character code, or {@code null} if the two bytes are no VR. */
    public static VR ofCode(int code) {
        int c0 = (code >>> 8) - 'A';
        int c1 = (code & 0xFF) - 'A';
        return c0 < 0 || c0 >= 26 || c1 < 0 || c1 >= 26 ? null : BY_CODE[c0 * 26 + c1];
    }

    /** The VR named by a code such as {@code "PN"}, or {@code null}. */
    public static VR ofCode(String code) {
        return code.length() != 2 ? null : ofCode(code.charAt(0) << 8 | code.charAt(1));
    }

    /** The two ASCII characters of the code as a 16-bit number (first character high). */
    public int code() {
        return name().charAt(0) << 8 | name().charAt(1);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the value is character data (string or text). */
    public boolean isText() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** Whether the value is subject to Specific Character Set (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return specificCharacterSet;
    }

    /** Byte appended to an odd-length value (PS3.5 6.2: space for text, NUL for UI and binary). */
    public byte paddingByte() {
        return paddingByte;
    }

    /** Bytes per binary unit swapped when changing byte order (1 = never swapped, 0 = not binary). */
    public int unitSize() {
        return unitSize;
    }

    /**
     * Whether the explicit VR header has 2 reserved bytes and a 32-bit length (PS3.5 7.1.2,
     * Table 7.1-1), rather than a 16-bit length.
     */
    public boolean hasLongExplicitHeader() {
        return longHeader;
    }

    /** Length of the explicit VR element header: 12 or 8 bytes (PS3.5 7.1.2). */
    public int explicitHeaderLength() {
        return longHeader ? 12 : 8;
    }

    /** Whether a value is a whole number or floating point number (AT excluded). */
    public boolean isNumeric() {
        return this == US || this == SS || this == UL || this == SL || this == SV || this == UV
                || this == FL || this == FD;
    }

    /** Whether values are bulk binary data (the O* VRs and UN). */
    public boolean isBulk() {
        return this == OB || this == OD || this == OF || this == OL || this == OV || this == OW || this == UN;
    }
}
