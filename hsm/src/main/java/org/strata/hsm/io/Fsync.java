package org.strata.hsm.io;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing directories to stable storage. */
public final class Fsync {

    private static final boolean WINDOWS = File.separatorChar == '\\';

    private Fsync() {
    }

    /**
     * Forces a directory's entries (names created, renamed or removed in it) to disk. On POSIX
     * systems a directory opened for reading can be forced (fsync(2) on the directory); Windows
     * cannot open a directory as a channel, so there this is a no-op and the durability of a
     * rename rests on NTFS's journal.
     */
    public static void directory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
