package org.strata.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;

/**
 * Issue 3: parse the header of Part 10 files, stopping before Pixel Data, one file per operation,
 * cycling through the corpus directory {@code corpus} (files/s = ops/s). The files come from the page
 * cache, as for dcmdump and pydicom in the same run (bench/toolkit.sh).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeaderParseBenchmark {

    private static final ReadOptions HEADER = ReadOptions.builder().stopBeforePixelData().build();

    @Param("target/bench/corpus/c1k")
    public String corpus;

    private Path[] files;
    private int next;

    @Setup
    public void setUp() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(corpus))) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
            if (list.isEmpty()) {
                throw new IOException("no .dcm files in " + corpus);
            }
            files = list.toArray(Path[]::new);
        }
    }

    @Benchmark
    public DicomFile parseHeader() throws IOException {
        Path f = files[next];
        next = next + 1 == files.length ? 0 : next + 1;
        return Part10Reader.read(f, HEADER);
    }
}
