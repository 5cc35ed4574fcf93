package org.strata.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.strata.dicom.net.pdu.Pdv;

/**
 * The data set of a received DIMSE request as a stream, fed PDV by PDV by the association's reader
 * thread and read by the service handler: the data set is never held whole. The queue is bounded,
 * so a slow handler slows the reader and TCP pushes back on the sender.
 */
final class PdvInputStream extends InputStream {

    private static final Object END = new Object();
    private static final Object FAILED = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private volatile boolean discard;
    private volatile IOException failure;
    private Pdv current;
    private int pos;
    private boolean ended;

    /** Reader thread: hands over the next fragment. */
    void push(Pdv pdv) throws InterruptedIOException {
        if (!discard) {
            put(pdv);
        }
    }

    /** Reader thread: the last fragment has been pushed. */
    void end() throws InterruptedIOException {
        if (!discard) {
            put(END);
        }
    }

    /** The association failed: the reader of this stream gets {@code cause}. */
    void fail(IOException cause) {
        failure = cause;
        queue.clear();
        queue.offer(FAILED);
    }

    /** Handler thread: the rest of the data set is not wanted; the reader drops it. */
    void discardRemaining() {
        discard = true;
        queue.clear();
    }

    private void put(Object o) throws InterruptedIOException {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over a PDV");
        }
    }

    private boolean next() throws IOException {
        while (current == null || pos == current.length()) {
            if (ended) {
                return false;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a data set");
            }
            if (o == END) {
                ended = true;
                return false;
            }
            if (o == FAILED) {
                throw failure;
            }
            current = (Pdv) o;
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!next()) {
            return -1;
        }
        byte[] one = new byte[1];
        current.copyTo(pos++, one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        current.copyTo(pos, b, off, n);
        pos += n;
        return n;
    }

    /** Writes each fragment straight from its PDU's array (no intermediate buffer). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long n = 0;
        while (next()) {
            n += current.length() - pos;
            current.writeTo(pos, out);
            pos = current.length();
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length() - pos;
    }
}
