package org.strata.dicom.net.pdu;

import java.util.Arrays;

/**
 * Presentation data value item of a P-DATA-TF PDU (PS3.8 9.3.5.1, message control header PS3.8
 * E.2): one fragment of a DIMSE command or data set. Immutable; the decoder hands over a range of
 * the PDU's array without copying (each PDU is read into an array of its own, never reused).
 */
public final class Pdv {

    private final int presentationContextId;
    private final boolean command;
    private final boolean last;
    private final byte[] data;
    private final int offset;
    private final int length;

    private Pdv(int presentationContextId, boolean command, boolean last, byte[] data, int offset, int length) {
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.last = last;
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    public static Pdv of(int presentationContextId, MessagePart part, boolean last, byte[] data) {
        return new Pdv(presentationContextId, part == MessagePart.COMMAND, last, data.clone(), 0, data.length);
    }

    /**
     * The {@code length} bytes of {@code data} from {@code offset}, taken over: the caller must not
     * change them afterwards.
     */
    static Pdv owning(int presentationContextId, int controlHeader, byte[] data, int offset, int length) {
        return new Pdv(presentationContextId, (controlHeader & 1) != 0, (controlHeader & 2) != 0, data, offset,
                length);
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
        return length;
    }

    /** Message control header: bit 0 command, bit 1 last fragment (PS3.8 E.2). */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }

    public byte[] data() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Copies the fragment's bytes from {@code srcPos} (0 = its first byte) into {@code dst}. */
    public void copyTo(int srcPos, byte[] dst, int dstPos, int len) {
        if (srcPos < 0 || len < 0 || srcPos + len > length) {
            throw new IndexOutOfBoundsException("bytes " + srcPos + ".." + (srcPos + len) + " of a " + length
                    + "-byte PDV");
        }
        System.arraycopy(data, offset + srcPos, dst, dstPos, len);
    }

    public void writeTo(java.io.ByteArrayOutputStream out) {
        out.write(data, offset, length);
    }

    /** Writes the fragment's bytes from {@code srcPos} (0 = its first byte) to {@code out}. */
    public void writeTo(int srcPos, java.io.OutputStream out) throws java.io.IOException {
        if (srcPos < 0 || srcPos > length) {
            throw new IndexOutOfBoundsException("byte " + srcPos + " of a " + length + "-byte PDV");
        }
        out.write(data, offset + srcPos, length - srcPos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.presentationContextId == presentationContextId && p.command == command
                && p.last == last && Arrays.equals(p.data, p.offset, p.offset + p.length, data, offset, offset + length);
    }

    @Override
    public int hashCode() {
        int h = presentationContextId;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "PDV[pc " + presentationContextId + (command ? ", command" : ", data") + (last ? ", last" : "")
                + ", " + length + " bytes]";
    }
}
