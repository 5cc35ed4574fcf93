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
 * PDV header, then data, so nothing is copied twice.
 */
public final class PDataOutputStream extends OutputStream {

    private static final int HEADER = 12; // PDU header 6 + PDV length 4 + PC ID 1 + control 1
    /** Bytes of PDUs {@link #transferFrom(FileChannel, long, long)} reads and writes at once. */
    private static final int BATCH = 256 * 1024;

    private final Association association;
    private final int presentationContextId;
    private final boolean command;
    private final byte[] buf;
    private int pos = HEADER;
    private boolean closed;

    /** @param sizeHint expected length of the part, when known (a command set): the buffer is not bigger */
    PDataOutputStream(Association association, int presentationContextId, boolean command, int sizeHint) {
        this.association = association;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.buf = new byte[HEADER + Math.max(1, Math.min(sizeHint, association.maxPdvDataLength()))];
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
        if (pos > HEADER) { // something written before: keep the order, go through the buffer
            file.position(position);
            long n = transferFrom(Channels.newInputStream(file));
            if (n != count) {
                throw new EOFException("file ended after " + n + " of " + count + " bytes");
            }
            return n;
        }
        int chunk = buf.length - HEADER;
        int slot = chunk + HEADER;
        long full = count <= 0 ? 0 : (count - 1) / chunk; // PDUs sent here; the tail stays for close()
        file.position(position);
        if (full > 0) {
            int perBatch = (int) Math.max(1, Math.min(full, BATCH / slot));
            byte[] batch = new byte[perBatch * slot];
            ByteBuffer[] slots = new ByteBuffer[perBatch];
            for (long sent = 0; sent < full; ) {
                int pdus = (int) Math.min(perBatch, full - sent);
                for (int i = 0; i < pdus; i++) {
                    slots[i] = ByteBuffer.wrap(batch, i * slot + HEADER, chunk);
                    header(batch, i * slot, chunk, false);
                }
                readFully(file, slots, pdus);
                write(batch, pdus * slot, false);
                sent += pdus;
            }
        }
        int tail = (int) (count - full * chunk);
        readFully(file, new ByteBuffer[] {ByteBuffer.wrap(buf, HEADER, tail)}, 1);
        pos = HEADER + tail;
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
        }
    }

    private void send(boolean last) throws IOException {
        header(buf, 0, pos - HEADER, last);
        write(buf, pos, last);
        pos = HEADER;
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

    private void write(byte[] b, int length, boolean flush) throws IOException {
        association.checkPDataAllowed();
        association.writeLock().lock();
        try {
            association.rawOutput().write(b, 0, length);
            if (flush) {
                association.rawOutput().flush();
            }
        } finally {
            association.writeLock().unlock();
        }
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
