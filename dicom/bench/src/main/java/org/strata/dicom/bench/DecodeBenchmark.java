package org.strata.dicom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelCodecs;
import org.strata.dicom.imageio.transcode.PixelModule;

/**
 * Issue 9: decode throughput of one codec, single thread, JVM warm: one frame per operation, cycling
 * through the frames of an encapsulated multi-frame file {@code file} with one fragment per frame
 * (as DCMTK's and GDCM's encoders write them). MB of decoded pixels/s = ops/s × frame length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    @Param("target/bench/corpus/codec/rle.dcm")
    public String file;

    private PixelCodec codec;
    private ImageDescriptor descriptor;
    private byte[][] frames;
    private int next;

    @Setup
    public void setUp() throws IOException {
        DicomFile f = Part10Reader.read(Path.of(file));
        String ts = f.transferSyntax().uid();
        codec = PixelCodecs.defaults().forTransferSyntax(ts)
                .orElseThrow(() -> new IOException("no codec for " + ts));
        PixelModule module = PixelModule.of(f.dataset());
        descriptor = module.descriptor();
        if (!(f.dataset().getValue(Tag.PixelData) instanceof Fragments fragments)) {
            throw new IOException(file + " has no encapsulated Pixel Data");
        }
        List<byte[]> items = new ArrayList<>();
        for (Object o : fragments.list()) {
            items.add(o instanceof BulkData b ? b.readBytes() : (byte[]) o);
        }
        if (items.size() - 1 != module.frames()) {
            throw new IOException(file + ": " + (items.size() - 1) + " fragments for " + module.frames()
                    + " frames; the benchmark needs one fragment per frame");
        }
        frames = items.subList(1, items.size()).toArray(byte[][]::new);
        long expected = module.nativeFrameLength();
        byte[] first = codec.decode(frames[0], descriptor);
        if (first.length < expected) {
            throw new IOException(codec.name() + " decoded " + first.length + " bytes, expected " + expected);
        }
    }

    @Benchmark
    public byte[] decodeFrame() {
        byte[] frame = frames[next];
        next = next + 1 == frames.length ? 0 : next + 1;
        return codec.decode(frame, descriptor);
    }
}
