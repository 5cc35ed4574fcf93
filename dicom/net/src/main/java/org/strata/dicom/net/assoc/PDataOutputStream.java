package org.strata.dicom.net.assoc;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one part (command or data set) of a DIMSE message as PDVs of P-DATA-TF PDUs, each PDU
 * holding one PDV no longer than the peer's maximum length (PS3.8 9.3.5, D.1). {@link #close()} sends
 * the last fragment with the last-fragment bit set (PS3.8 E.2). The PDU is built in place: header,
 * PDV header, then data, so nothing is copied twice.
 */
public final class PDataOutputStream extends OutputStream {

    private static final int HEADER = 12; // PDU header 6 + PDV length 4 + PC ID 1 + control 1

    private final Association association;
    private final int presentationContextId;
    private final boolean command;
    private final byte[] buf;
    private int pos = HEADER;
    private boolean closed;

    PDataOutputStream(Association association, int presentationContextId, boolean command) {
        this.association = association;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.buf = new byte[HEADER + association.maxPdvDataLength()];
    }

    @Override
    public void write(int b) throws IOException {
        if (pos == buf.length) {
            send(false);
        }
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == buf.length) {
                send(false);
            }
            int n = Math.min(len, buf.length - pos);
            System.arraycopy(b, off, buf, pos, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Copies everything from {@code in} into PDVs, reading straight into the PDU buffer. */
    public long transferFrom(java.io.InputStream in) throws IOException {
        long total = 0;
        while (true) {
            if (pos == buf.length) {
                send(false);
            }
            int n = in.read(buf, pos, buf.length - pos);
            if (n < 0) {
                return total;
            }
            pos += n;
            total += n;
        }
    }

    /** Buffered data is sent when the PDU is full or at {@link #close()}: PDVs are never split early. */
    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            send(true);
        }
    }

    private void send(boolean last) throws IOException {
        int pdvLength = pos - 10;     // PC ID + control + data
        int pduLength = pos - 6;
        put32(buf, 2, pduLength);
        buf[0] = 0x04;                 // P-DATA-TF, PS3.8 9.3.5
        buf[1] = 0;
        put32(buf, 6, pdvLength);
        buf[10] = (byte) presentationContextId;
        buf[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        association.checkPDataAllowed();
        association.writeLock().lock();
        try {
            association.rawOutput().write(buf, 0, pos);
            if (last) {
                association.rawOutput().flush();
            }
        } finally {
            association.writeLock().unlock();
        }
        pos = HEADER;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
