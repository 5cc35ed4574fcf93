package org.strata.dicom.net.assoc;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Writes one part (command or data set) of a DIMSE message as PDVs of P-DATA-TF PDUs, each PDU
 * holding one PDV no longer than the peer's maximum length (PS3.8 9.3.5, D.1). {@link #close()} sends
 * the last fragment with the last-fragment bit set (PS3.8 E.2). The PDU is built in place: header,
 * PDV header, then data, so nothing is copied twice. Every buffer keeps {@link Association#HELD_MAX}
 * bytes free in front of its first PDU, where the association puts a PDU it held back (a command
 * set, {@link #closeAndHold()}), so that a command and the start of its data set leave in one write.
 */
public final class PDataOutputStream extends OutputStream {

    private static final int HEADER = 12; // PDU header 6 + PDV length 4 + PC ID 1 + control 1
    /** Bytes of PDUs {@link #transferFrom(FileChannel, long, long)} reads and writes at once. */
    private static final int BATCH = 256 * 1024;

    /** Where the first PDU of a buffer starts: the room for a held PDU before it. */
    private static final int FRONT = Association.HELD_MAX;

    private final Association association;
    private final int presentationContextId;
    private final boolean command;
    private final byte[] buf;
    /** {@link #buf} came from the association's spare buffer and goes back at {@link #close()}. */
    private final boolean spare;
    private int pos = FRONT + HEADER;
    private boolean closed;

    /** @param sizeHint expected length of the part, when known (a command set): the buffer is not bigger */
    PDataOutputStream(Association association, int presentationContextId, boolean command, int sizeHint) {
        this.association = association;
        this.presentationContextId = presentationContextId;
        this.command = command;
        int size = FRONT + HEADER + Math.max(1, Math.min(sizeHint, association.maxPdvDataLength()));
        this.spare = sizeHint >= association.maxPdvDataLength();
        this.buf = spare ? association.pduBuffers().take(size) : new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (pos == buf.length) {
            send(false);
        }
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
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
        ensureOpen();
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

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} (a data set stored as it is to be
     * sent): the file is read with one scatter read straight into the data fields of up to
     * {@value #BATCH} bytes of P-DATA-TF PDUs laid out in one array, and those PDUs go out with one
     * write, instead of one read and one write per PDU (a peer announcing 16 KiB PDUs, as DCMTK's
     * storescp does, means 33 of each for a 0.5 MB instance). Every PDU carries one PDV as large as
     * the peer accepts (PS3.8 9.3.5); the last 1..N bytes stay buffered, so that {@link #close()}
     * sends them as the last fragment (PS3.8 E.2), after anything the caller still appends.
     *
     * @return the number of bytes taken from the file ({@code count})
     * @throws EOFException when the file ends before {@code count} bytes
     */
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        ensureOpen();
        if (pos > FRONT + HEADER) { // something written before: keep the order, go through the buffer
            file.position(position);
            long n = transferFrom(Channels.newInputStream(file));
            if (n != count) {
                throw new EOFException("file ended after " + n + " of " + count + " bytes");
            }
            return n;
        }
        int chunk = buf.length - FRONT - HEADER;
        int slot = chunk + HEADER;
        long full = count <= 0 ? 0 : (count - 1) / chunk; // PDUs sent here; the tail stays for close()
        file.position(position);
        if (full > 0) {
            int perBatch = (int) Math.max(1, Math.min(full, BATCH / slot));
            int batchSize = FRONT + Math.max(BATCH / slot, 1) * slot; // one size per association: reusable
            byte[] batch = association.batchBuffers().take(batchSize);
            ByteBuffer[] slots = new ByteBuffer[perBatch];
            for (long sent = 0; sent < full; ) {
                int pdus = (int) Math.min(perBatch, full - sent);
                for (int i = 0; i < pdus; i++) {
                    slots[i] = ByteBuffer.wrap(batch, FRONT + i * slot + HEADER, chunk);
                    header(batch, FRONT + i * slot, chunk, false);
                }
                readFully(file, slots, pdus);
                association.writePdus(batch, FRONT, pdus * slot, false);
                sent += pdus;
            }
            association.batchBuffers().give(batch);
        }
        int tail = (int) (count - full * chunk);
        readFully(file, new ByteBuffer[] {ByteBuffer.wrap(buf, FRONT + HEADER, tail)}, 1);
        pos = FRONT + HEADER + tail;
        return count;
    }

    private static void readFully(FileChannel file, ByteBuffer[] slots, int n) throws IOException {
        while (slots[n - 1].hasRemaining()) {
            if (file.read(slots, 0, n) < 0) {
                throw new EOFException("file ended before the data set length it had when opened");
            }
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
            giveBack();
        }
    }

    /**
     * As {@link #close()}, but the last PDU is held back by the association and goes out in the same
     * write as the next PDU sent on it (the caller sends that next: the message's data set, PS3.7
     * 6.3.1), so that a command set and the start of its data set leave in one segment. A PDU
     * larger than {@link Association#HELD_MAX} is sent at once.
     */
    public void closeAndHold() throws IOException {
        if (!closed) {
            closed = true;
            header(buf, FRONT, pos - FRONT - HEADER, true);
            association.holdPdu(buf, FRONT, pos - FRONT);
            giveBack();
        }
    }

    private void giveBack() {
        if (spare) {
            association.pduBuffers().give(buf);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("P-DATA stream closed");
        }
    }

    private void send(boolean last) throws IOException {
        header(buf, FRONT, pos - FRONT - HEADER, last);
        association.writePdus(buf, FRONT, pos - FRONT, last);
        pos = FRONT + HEADER;
    }

    /** P-DATA-TF header (PS3.8 9.3.5) and PDV item header with its message control header (E.2) at {@code at}. */
    private void header(byte[] b, int at, int dataLength, boolean last) {
        b[at] = 0x04;                      // P-DATA-TF
        b[at + 1] = 0;
        put32(b, at + 2, dataLength + 6);  // PDV item length field (4) + PC ID + control + data
        put32(b, at + 6, dataLength + 2);  // PC ID + control + data
        b[at + 10] = (byte) presentationContextId;
        b[at + 11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
