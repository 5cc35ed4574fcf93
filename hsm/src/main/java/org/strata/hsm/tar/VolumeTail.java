package org.strata.hsm.tar;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the end of a volume clean: a volume is always its committed entries followed by the
 * two zero blocks that end a TAR archive (POSIX.1-2001 ustar/pax), so GNU tar reads it at any
 * time. Bytes past the committed end are a torn tail (a crash between writing and recording a
 * batch) and are cut off.
 */
final class VolumeTail {

    /** Two 512-byte zero blocks: the TAR end-of-archive marker. */
    static final int END_OF_ARCHIVE = 1024;

    private static final System.Logger LOG = System.getLogger(VolumeTail.class.getName());

    private VolumeTail() {
    }

    /**
     * Makes {@code file} end right after {@code committedEnd} with the end-of-archive marker,
     * creating it when absent. Returns the bytes cut off (0 when the tail was clean).
     *
     * @throws IOException when the volume is shorter than the catalogue says: committed data lost
     */
    static long repair(Path file, String volume, long committedEnd) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < committedEnd) {
                throw new IOException("Volume " + volume + " has " + size + " bytes but the catalogue records "
                        + committedEnd + ": committed entries are missing from " + file);
            }
            if (size == committedEnd + END_OF_ARCHIVE && zeros(ch, committedEnd)) {
                return 0;
            }
            long cut = Math.max(0, size - committedEnd - END_OF_ARCHIVE);
            if (size > committedEnd) {
                LOG.log(Level.WARNING, "Volume {0}: cutting a torn tail of {1} bytes after offset {2}",
                        volume, size - committedEnd, committedEnd);
            }
            terminate(ch, committedEnd);
            return cut;
        }
    }

    /** Writes the end-of-archive marker at {@code end}, drops everything after it, forces. */
    static void terminate(FileChannel ch, long end) throws IOException {
        ch.truncate(end);
        ByteBuffer zeros = ByteBuffer.allocate(END_OF_ARCHIVE);
        long pos = end;
        while (zeros.hasRemaining()) {
            pos += ch.write(zeros, pos);
        }
        ch.force(true);
    }

    private static boolean zeros(FileChannel ch, long from) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(END_OF_ARCHIVE);
        long pos = from;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                return false;
            }
            pos += n;
        }
        for (byte x : b.array()) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
