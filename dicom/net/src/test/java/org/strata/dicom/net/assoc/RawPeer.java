package org.strata.dicom.net.assoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.PduDecoder;
import org.strata.dicom.net.pdu.PduEncoder;

/** A scripted peer speaking raw PDUs, for sequences a well-behaved peer never produces. */
final class RawPeer implements AutoCloseable {

    final Socket socket;
    final InputStream in;
    final OutputStream out;

    RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawPeer connect(int port) throws IOException {
        return new RawPeer(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    static RawPeer accept(ServerSocket server) throws IOException {
        return new RawPeer(server.accept());
    }

    void send(Pdu pdu) throws IOException {
        out.write(PduEncoder.encode(pdu));
        out.flush();
    }

    void sendRaw(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    Pdu read() throws IOException {
        return PduDecoder.read(in, 1 << 20);
    }

    /** True when the other side closed the connection (end of stream) within the socket timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
