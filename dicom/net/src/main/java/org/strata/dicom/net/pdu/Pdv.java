package org.strata.dicom.net.pdu;

import java.util.Arrays;

/**
 * Presentation data value item of a P-DATA-TF PDU (PS3.8 9.3.5.1, message control header PS3.8
 * E.2): one fragment of a DIMSE command or data set. Immutable; the codec hands over its array
 * without copying.
 */
public final class Pdv {

    private final int presentationContextId;
    private final boolean command;
    private final boolean last;
    private final byte[] data;

    private Pdv(int presentationContextId, boolean command, boolean last, byte[] data) {
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.last = last;
        this.data = data;
    }

    public static Pdv of(int presentationContextId, MessagePart part, boolean last, byte[] data) {
        return new Pdv(presentationContextId, part == MessagePart.COMMAND, last, data.clone());
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    static Pdv owning(int presentationContextId, int controlHeader, byte[] data) {
        return new Pdv(presentationContextId, (controlHeader & 1) != 0, (controlHeader & 2) != 0, data);
    }

    /** Which part of a DIMSE message a PDV carries (bit 0 of the message control header). */
    public enum MessagePart { COMMAND, DATA_SET }

    public int presentationContextId() {
        return presentationContextId;
    }

    public boolean command() {
        return command;
    }

    public boolean last() {
        return last;
    }

    public int length() {
        return data.length;
    }

    /** Message control header: bit 0 command, bit 1 last fragment (PS3.8 E.2). */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }

    public byte[] data() {
        return data.clone();
    }

    /** Copies the fragment's bytes into {@code dst}. */
    public void copyTo(int srcPos, byte[] dst, int dstPos, int len) {
        System.arraycopy(data, srcPos, dst, dstPos, len);
    }

    public void writeTo(java.io.ByteArrayOutputStream out) {
        out.write(data, 0, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.presentationContextId == presentationContextId && p.command == command
                && p.last == last && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return presentationContextId * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PDV[pc " + presentationContextId + (command ? ", command" : ", data") + (last ? ", last" : "")
                + ", " + data.length + " bytes]";
    }
}
