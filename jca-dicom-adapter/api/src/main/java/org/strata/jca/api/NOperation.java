package org.strata.jca.api;

/** The DIMSE-N operations (PS3.7 10.1), with their command field codes (PS3.7 E.1). */
public enum NOperation {
    N_EVENT_REPORT(0x0100),
    N_GET(0x0110),
    N_SET(0x0120),
    N_ACTION(0x0130),
    N_CREATE(0x0140),
    N_DELETE(0x0150);

    private final int requestCode;

    NOperation(int requestCode) {
        this.requestCode = requestCode;
    }

    /** The Command Field (0000,0100) of the request. */
    public int requestCode() {
        return requestCode;
    }

    /** N-EVENT-REPORT and N-CREATE name the Affected SOP Class/Instance UID, the others the Requested (PS3.7 10.3). */
    public boolean usesAffectedUids() {
        return this == N_EVENT_REPORT || this == N_CREATE;
    }

    public static NOperation ofRequestCode(int code) {
        for (NOperation op : values()) {
            if (op.requestCode == code) {
                return op;
            }
        }
        throw new IllegalArgumentException("not an N- request: 0x" + Integer.toHexString(code));
    }
}
