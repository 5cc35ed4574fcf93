package org.strata.hsm.file;

import java.io.OutputStream;
import java.nio.file.Path;

import org.strata.hsm.spi.StorageProvider.PendingWrite;

/**
 * Run in a child JVM by {@link FileCrashTest}: writes and flushes an object's bytes to a disk
 * tier, prints "written", then halts the JVM (no shutdown hooks, no finally blocks) before commit.
 */
public final class CrashingWriter {

    public static void main(String[] args) throws Exception {
        FileStorageProvider tier = new FileStorageProvider(
                FileTierConfig.of(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(Path.of(args[0]))));
        PendingWrite w = tier.create(args[1]);
        OutputStream out = w.stream();
        out.write(new byte[Integer.parseInt(args[2])]);
        out.flush();
        System.out.println("written");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
