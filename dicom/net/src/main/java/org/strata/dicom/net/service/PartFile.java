package org.strata.dicom.net.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.DataSetSink;

/**
 * A Part 10 file (PS3.10 7.1) being received: preamble and meta information, then the data set
 * appended as it arrives, under a temporary name until {@link #keep} renames it, so a file never
 * appears half written. The file is opened once, created new ({@code O_CREAT|O_EXCL}, never
 * truncated: on ext4 a truncated file is flushed synchronously when closed), and every fragment goes
 * to it in one write, the preamble and meta information together with the first fragment.
 */
final class PartFile implements DataSetSink {

    private final Path tmp;
    private final FileChannel channel;
    private final Output out = new Output();
    private ByteBuffer head;
    private boolean done;

    private PartFile(Path tmp, FileChannel channel, ByteBuffer head) {
        this.tmp = tmp;
        this.channel = channel;
        this.head = head;
    }

    static PartFile open(Path directory, String sopClassUid, String sopInstanceUid, String transferSyntax)
            throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        head.write(new byte[128]);
        head.write(new byte[] {'D', 'I', 'C', 'M'});
        new DicomWriter(head, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                .writeDataset(FileMetaInformation.create(sopClassUid, sopInstanceUid, transferSyntax));
        for (int attempt = 0; ; attempt++) {
            Path tmp = directory.resolve(sopInstanceUid + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".part");
            try {
                return new PartFile(tmp, FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        ByteBuffer.wrap(head.toByteArray()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    @Override
    public OutputStream output() {
        return out;
    }

    /** Closes the file and renames it to {@code target}; on failure the temporary file is gone. */
    void keep(Path target) throws IOException {
        try {
            out.flushHead();
            channel.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            abandon();
        }
    }

    @Override
    public synchronized void abandon() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException e) {
            // the file is deleted anyway
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            System.getLogger(PartFile.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete " + tmp + ": " + e.getMessage());
        }
    }

    /** Writes each fragment with one write call (gathering the pending preamble with the first). */
    private final class Output extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer data = ByteBuffer.wrap(b, off, len);
            if (head != null) {
                ByteBuffer[] both = {head, data};
                while (data.hasRemaining()) {
                    channel.write(both);
                }
                head = null;
            }
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }

        void flushHead() throws IOException {
            if (head != null) {
                while (head.hasRemaining()) {
                    channel.write(head);
                }
                head = null;
            }
        }

        @Override
        public void close() throws IOException {
            flushHead();
        }
    }
}
