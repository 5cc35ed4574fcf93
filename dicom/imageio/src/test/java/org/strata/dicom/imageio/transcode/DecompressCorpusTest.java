package org.strata.dicom.imageio.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.imageio.PixelCodecs;
import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Acceptance: every compressed file of pydicom's test data whose syntax we decode, transcoded to
 * Explicit VR Little Endian, has the samples of DCMTK's (GDCM's for JPEG 2000) decompression and,
 * except the documented changes, the attributes of the original.
 */
class DecompressCorpusTest {

    /** Files our decoders reject, with the reason (a change either way fails the test). */
    static final Map<String, String> KNOWN_FAILURES = new TreeMap<>(Map.of(
            "GDCMJ2K_TextGBR.dcm", "FAIL max sample difference 108 > 0", // jai-imageio RCT defect, see Jpeg2000Codec
            "JPEG2000-embedded-sequence-delimiter.dcm", "frame 0: JPEG 2000 cannot decode: JPEG 2000 frame is "
                + "2147483647x1024x1, descriptor says 256x1024x1")); // SIZ overwritten by FFFE,E0DD

    @Test
    void compressedCorpusTranscodesLikeThePeers(@TempDir Path tmp) throws IOException {
        Transcoder transcoder = new Transcoder(TranscodeOptions.DEFAULT);
        List<Peers.Comparison> comparisons = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> failures = new TreeMap<>();
        for (Path file : corpus()) {
            String ts = Part10Reader.read(file, ReadOptions.builder().stopBeforePixelData().build())
                    .transferSyntax().uid();
            if (PixelCodecs.defaults().forTransferSyntax(ts).isEmpty() || !Part10Reader.read(file, ReadOptions
                    .builder().bulkData(ReadOptions.BulkDataSelector.PIXEL_DATA).build()).dataset()
                    .contains(Tag.PixelData)) {
                continue;
            }
            String name = file.getFileName().toString();
            Path ours = tmp.resolve(name + ".ours.dcm");
            Path theirs = tmp.resolve(name + ".peer.dcm");
            try {
                transcoder.transcode(file, ours, TransferSyntaxCatalog.EXPLICIT_VR_LE);
            } catch (TranscodeException e) {
                failures.put(name, e.getMessage());
                continue;
            }
            Path log = Files.createTempFile(tmp, "peer", ".log");
            if (Peers.exec(tmp, log, Peers.decompressor(ts, file, theirs)) != 0) {
                // DCMTK rejects SC_rgb_jpeg.dcm (implicit VR data set in an explicit VR syntax): ask GDCM
                Peers.run(tmp, "gdcmconv", "--raw", "-i", file.toString(), "-o", theirs.toString());
            }
            comparisons.add(new Peers.Comparison(ours, theirs, ours, file, tolerance(ts)));
            names.add(name);
        }
        List<String> results = Peers.compare(tmp, comparisons);
        for (int i = 0; i < names.size(); i++) {
            if (!results.get(i).startsWith("OK")) {
                failures.put(names.get(i), results.get(i));
            }
        }
        assertEquals(KNOWN_FAILURES, failures);
        assertEquals(true, names.size() >= 30, "compared " + names);
    }

    /** Lossless: exact. Lossy: IDCT/upsampling rounding of different decoders. */
    private static int tolerance(String ts) {
        return switch (ts) {
            case TransferSyntaxes.JPEG_BASELINE_8BIT, TransferSyntaxes.JPEG_EXTENDED_12BIT, TransferSyntaxes.JPEG_2000 -> 2;
            default -> 0;
        };
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(Peers.TEST_FILES)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().filter(p -> {
                try {
                    return !Part10Reader.read(p, ReadOptions.builder().stopBeforePixelData().build())
                            .fileMeta().isEmpty();
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }).toList();
        }
    }
}
