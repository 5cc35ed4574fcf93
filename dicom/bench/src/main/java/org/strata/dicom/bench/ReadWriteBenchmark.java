package org.strata.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * file size). Both write a new file each time: {@code Files.copy} with REPLACE_EXISTING unlinks the
 * target first, and so does {@link #readWrite} (truncating an existing file costs about as much).
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

    /** Writes a new file, as {@link #rawCopy} does (it unlinks the old target first). */
    @Benchmark
    public Path readWrite() throws IOException {
        Files.deleteIfExists(target);
        Part10Writer.write(target, Part10Reader.read(source));
        return target;
    }

    @Benchmark
    public Path rawCopy() throws IOException {
        return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
