package org.strata.dicom.net.dimse;

/** DIMSE status codes, PS3.7 C and PS3.4 (the ones the services here answer with). */
public final class Status {

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int WARNING_SUBOPERATIONS = 0xB000;
    public static final int WARNING_COERCION = 0xB000;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_SUBOPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int INVALID_ARGUMENT_VALUE = 0x0115;
    public static final int INVALID_SOP_INSTANCE = 0x0117;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int RESOURCE_LIMITATION = 0x0213;

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    /** Success or warning: PS3.7 C.1 and C.2 (0x0001, 0x0107, 0x0116, 0xB000-0xBFFF are warnings). */
    public static boolean isSuccessOrWarning(int status) {
        return status == SUCCESS || status == 0x0001 || status == 0x0107 || status == 0x0116
                || (status & 0xF000) == 0xB000;
    }

    public static String toHex(int status) {
        return String.format("0x%04X", status);
    }
}
