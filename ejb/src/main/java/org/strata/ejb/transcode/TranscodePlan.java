package org.strata.ejb.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.strata.dicom.imageio.PixelCodecs;
import org.strata.dicom.imageio.transcode.TranscodeOptions;
import org.strata.dicom.imageio.transcode.Transcoder;
import org.strata.dicom.imageio.transcode.TransferSyntaxCatalog;
import org.strata.dicom.imageio.transcode.TransferSyntaxChooser;

/**
 * The transcoding of one retrieve: which syntax each instance goes out in, and the conversion.
 *
 * @param allowLossy whether the destination may receive lossy syntaxes (JPEG baseline/extended,
 *        JPEG-LS near-lossless, JPEG 2000) when it accepted no lossless one
 */
public record TranscodePlan(boolean allowLossy) {

    /** Why a sub-operation fails when {@link #target} is empty (an Error Comment, at most 64 characters). */
    public String noTargetComment() {
        return allowLossy ? "no accepted transfer syntax the stored one converts to"
                : "no accepted transfer syntax reachable without loss";
    }

    /**
     * What a C-MOVE proposes besides the stored syntaxes and Explicit/Implicit VR Little Endian:
     * every other syntax the archive can convert to, lossless ones first, lossy ones only if allowed.
     */
    public Set<String> alternatives() {
        PixelCodecs codecs = PixelCodecs.defaults();
        Set<String> syntaxes = new LinkedHashSet<>();
        Stream.concat(TransferSyntaxChooser.LOSSLESS_PREFERENCE.stream(),
                        allowLossy ? TransferSyntaxChooser.LOSSY_PREFERENCE.stream() : Stream.empty())
                .filter(ts -> !ts.equals(TransferSyntaxCatalog.EXPLICIT_VR_LE) && !ts.equals(TransferSyntaxCatalog.IMPLICIT_VR_LE))
                .filter(ts -> TransferSyntaxCatalog.isNative(ts) || codecs.forTransferSyntax(ts).isPresent())
                .forEach(syntaxes::add);
        return syntaxes;
    }

    /** The stored syntax if accepted, else the best accepted lossless one, else (if allowed) lossy. */
    public Optional<String> target(String storedTs, Collection<String> accepted) {
        return TransferSyntaxChooser.choose(storedTs, accepted, allowLossy);
    }

    /** Writes the stored data set (without File Meta Information) in {@code targetTs}. */
    public void transcode(InputStream storedDataSet, String storedTs, OutputStream out, String targetTs)
            throws IOException {
        new Transcoder(TranscodeOptions.builder().allowLossy(allowLossy).build())
                .transcodeDataset(storedDataSet, storedTs, out, targetTs);
    }
}
