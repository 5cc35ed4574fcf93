package org.strata.dicom.net.dimse;

/** Command Field (0000,0100) values, PS3.7 E.1 Table E.1-1 and 9.3, 10.3. */
public enum CommandField {
    C_STORE_RQ(0x0001), C_STORE_RSP(0x8001),
    C_GET_RQ(0x0010), C_GET_RSP(0x8010),
    C_FIND_RQ(0x0020), C_FIND_RSP(0x8020),
    C_MOVE_RQ(0x0021), C_MOVE_RSP(0x8021),
    C_ECHO_RQ(0x0030), C_ECHO_RSP(0x8030),
    N_EVENT_REPORT_RQ(0x0100), N_EVENT_REPORT_RSP(0x8100),
    N_GET_RQ(0x0110), N_GET_RSP(0x8110),
    N_SET_RQ(0x0120), N_SET_RSP(0x8120),
    N_ACTION_RQ(0x0130), N_ACTION_RSP(0x8130),
    N_CREATE_RQ(0x0140), N_CREATE_RSP(0x8140),
    N_DELETE_RQ(0x0150), N_DELETE_RSP(0x8150),
    C_CANCEL_RQ(0x0FFF);

    private final int code;

    CommandField(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isRequest() {
        return (code & 0x8000) == 0;
    }

    /** The response field answering this request. */
    public CommandField response() {
        return of(code | 0x8000);
    }

    /** @return the command field, or {@code null} for an unknown code */
    public static CommandField of(int code) {
        for (CommandField f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
