package org.strata.dicom.imageio.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelCodecs;
import org.strata.dicom.imageio.TransferSyntaxes;

/**
 * Every lossless target from native and compressed sources of pydicom's test data: DCMTK (GDCM
 * for JPEG 2000) decodes our file to exactly the original samples, {@code dcmdump +E} accepts it,
 * and every attribute but the documented ones is unchanged. A pair our encoders do not support
 * must fail with {@link TranscodeException} and nothing else. SC_rgb_rle_16bit_2frame.dcm is no source:
 * gdcmconv refuses to write a multi-frame Secondary Capture, so it cannot be the JPEG 2000 peer.
 */
class EncodeMatrixTest {

    static final List<String> SOURCES = List.of("CT_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
            "ExplVR_BigEnd.dcm", "SC_rgb_small_odd.dcm", "image_dfl.dcm", "rtdose.dcm",
            "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm", "MR_small_jpeg_ls_lossless.dcm");

    static final List<String> TARGETS = List.of(TransferSyntaxes.RLE_LOSSLESS, TransferSyntaxes.JPEG_LS_LOSSLESS,
            TransferSyntaxes.JPEG_LOSSLESS, TransferSyntaxes.JPEG_LOSSLESS_SV1, TransferSyntaxes.JPEG_2000_LOSSLESS,
            TransferSyntaxCatalog.IMPLICIT_VR_LE, TransferSyntaxCatalog.DEFLATED_EXPLICIT_VR_LE,
            TransferSyntaxCatalog.EXPLICIT_VR_LE, TransferSyntaxCatalog.EXPLICIT_VR_BE);

    @Test
    void losslessTargetsDecodeToTheOriginalSamples(@TempDir Path tmp) throws IOException {
        Transcoder transcoder = new Transcoder(TranscodeOptions.DEFAULT);
        List<Peers.Comparison> comparisons = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int refused = 0;
        for (String name : SOURCES) {
            Path source = Peers.TEST_FILES.resolve(name);
            Path reference = reference(source, tmp);
            for (String target : TARGETS) {
                String label = name + " -> " + target;
                Path ours = tmp.resolve(name + "." + target + ".dcm");
                try {
                    transcoder.transcode(source, ours, target);
                } catch (TranscodeException e) {
                    assertFalse(encodable(source, target), label + ": " + e.getMessage());
                    refused++;
                    continue;
                }
                assertTrue(encodable(source, target), label + " should have been refused");
                Peers.run(tmp, "dcmdump", "+E", "-q", ours.toString());
                Path decoded = ours;
                if (target.equals(TransferSyntaxCatalog.EXPLICIT_VR_BE)) {
                    // pydicom does not swap 8-bit samples held as OW in big endian; DCMTK does (PS3.5 7.3)
                    decoded = tmp.resolve(name + ".be.peer.dcm");
                    Peers.run(tmp, "dcmconv", "+te", ours.toString(), decoded.toString());
                } else if (!TransferSyntaxCatalog.isNative(target)) {
                    decoded = tmp.resolve(name + "." + target + ".peer.dcm");
                    Peers.run(tmp, Peers.decompressor(target, ours, decoded));
                }
                comparisons.add(new Peers.Comparison(decoded, reference, ours, source, 0));
                labels.add(label);
            }
        }
        List<String> results = Peers.compare(tmp, comparisons);
        for (int i = 0; i < results.size(); i++) {
            assertEquals("OK 0", results.get(i), labels.get(i));
        }
        assertTrue(comparisons.size() >= 65, comparisons.size() + " encoded, " + refused + " refused");
    }

    /** The original samples uncompressed: the file itself, or DCMTK's decompression of it. */
    private static Path reference(Path source, Path tmp) throws IOException {
        String ts = Part10Reader.read(source, ReadOptions.builder().stopBeforePixelData().build())
                .transferSyntax().uid();
        if (TransferSyntaxCatalog.isNative(ts)) {
            return source;
        }
        Path out = tmp.resolve(source.getFileName() + ".reference.dcm");
        Peers.run(tmp, Peers.decompressor(ts, source, out));
        return out;
    }

    /** Whether our encoder for {@code target} takes the source's (decoded) frames. */
    static boolean encodable(Path source, String target) throws IOException {
        if (TransferSyntaxCatalog.isNative(target)) {
            return true;
        }
        DicomFile f = Part10Reader.read(source, ReadOptions.builder().stopBeforePixelData().build());
        ImageDescriptor d = PixelModule.of(f.dataset()).descriptor();
        PixelCodecs codecs = PixelCodecs.defaults();
        String ts = f.transferSyntax().uid();
        if (!TransferSyntaxCatalog.isNative(ts)) {
            d = codecs.forTransferSyntax(ts).orElseThrow().decodedDescriptor(d);
        }
        PixelCodec encoder = codecs.forTransferSyntax(target).orElseThrow();
        return encoder.canEncode(d.withPlanarConfiguration(0)) && !Files.notExists(source);
    }
}
