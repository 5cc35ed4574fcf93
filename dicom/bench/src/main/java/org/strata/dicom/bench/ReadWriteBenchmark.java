package org.strata.dicom.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * Issue 3: full read (Pixel Data into memory) and write of one Part 10 file ({@code file}, a 0.5 MB
 * CT) against a raw copy of the same file, both file to file in the same directory (MB/s = ops/s ×
 * file size). Both unlink the old target and write a new file each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadWriteBenchmark {

    @Param("target/bench/corpus/ct.dcm")
    public String file;

    private Path source;
    private Path target;

    @Setup
    public void setUp() throws IOException {
        source = Path.of(file);
        target = Files.createTempFile(source.toAbsolutePath().getParent(), "rw-bench", ".dcm");
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(target);
    }

    /** Writes a new file, as {@link #rawCopy} does. */
    @Benchmark
    public Path readWrite() throws IOException {
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
