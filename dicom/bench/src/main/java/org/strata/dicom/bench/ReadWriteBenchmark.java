package org.strata.dicom.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.ReadOptions;

/**
 * Issue 3: full read and write of one Part 10 file ({@code file}, a 0.5 MB CT) against a raw copy of
 * the same file, both file to file in the same directory (MB/s = ops/s × file size). All unlink the
 * old target and write a new file each time. {@link #readWrite} is the archive's way: every element
 * parsed, Pixel Data kept as a bulk data reference (file + offset + length) and copied into the new
 * file by the writer in the kernel; {@link #readWriteInMemory} reads Pixel Data into memory. The
 * setup checks that both write a file equal to the source byte for byte.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadWriteBenchmark {

    @Param("target/bench/corpus/ct.dcm")
    public String file;

    private static final ReadOptions PIXEL_DATA_BY_REFERENCE = ReadOptions.builder()
            .bulkData(ReadOptions.BulkDataSelector.PIXEL_DATA).build();

    private Path source;
    private Path target;

    @Setup
    public void setUp() throws IOException {
        source = Path.of(file);
        target = Files.createTempFile(source.toAbsolutePath().getParent(), "rw-bench", ".dcm");
        byte[] original = Files.readAllBytes(source);
        for (Path written : new Path[] {readWrite(), readWriteInMemory(), rawCopy()}) {
            if (!Arrays.equals(original, Files.readAllBytes(written))) {
                throw new IllegalStateException("the file written differs from " + source);
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(target);
    }

    /** Writes a new file, as {@link #rawCopy} does; Pixel Data by reference. */
    @Benchmark
    public Path readWrite() throws IOException {
        Files.deleteIfExists(target);
        Part10Writer.write(target, Part10Reader.read(source, PIXEL_DATA_BY_REFERENCE));
        return target;
    }

    /** The same with Pixel Data read into memory. */
    @Benchmark
    public Path readWriteInMemory() throws IOException {
        Files.deleteIfExists(target);
        Part10Writer.write(target, Part10Reader.read(source));
        return target;
    }

    /**
     * The raw copy: a new file filled by {@link FileChannel#transferTo} (sendfile/copy_file_range in the
     * kernel, no copy through the JVM), the fastest copy Java has; {@code Files.copy} of JDK 17 copies
     * through an 8 KB buffer and is slower.
     */
    @Benchmark
    public Path rawCopy() throws IOException {
        Files.deleteIfExists(target);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
        }
        return target;
    }
}
