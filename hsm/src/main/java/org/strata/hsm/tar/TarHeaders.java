package org.strata.hsm.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The header records of one regular-file entry (POSIX.1-2001 / pax, PS: IEEE Std 1003.1
 * "pax Interchange Format"), as Commons Compress writes them in POSIX long-name and big-number
 * modes: a pax extended header first when the name or the size does not fit the ustar header,
 * then the ustar header. The entry's data and padding are the caller's ({@link VolumeAppender}
 * copies them in the kernel), so only the headers come from here.
 */
final class TarHeaders {

    static final int RECORD = 512;

    private TarHeaders() {
    }

    /** Whole 512-byte records: the headers of {@code name}, {@code size} bytes, modified at {@code mtime}. */
    static byte[] of(String name, long size, Instant mtime) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(3 * RECORD);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, RECORD, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setModTime(FileTime.from(mtime));
        tar.putArchiveEntry(entry); // one record per block: every header record is out already
        byte[] headers = out.toByteArray();
        if (headers.length == 0 || headers.length % RECORD != 0) {
            throw new IOException("Unexpected TAR header of " + headers.length + " bytes for " + name);
        }
        return headers; // the stream is dropped unfinished: it holds nothing but this array
    }
}
