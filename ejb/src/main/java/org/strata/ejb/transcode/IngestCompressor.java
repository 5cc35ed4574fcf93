package org.strata.ejb.transcode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.imageio.transcode.TranscodeOptions;
import org.strata.dicom.imageio.transcode.Transcoder;
import org.strata.dicom.imageio.transcode.TransferSyntaxCatalog;

/**
 * Compresses one received data set (no File Meta Information) to a lossless transfer syntax
 * before it is stored (PS3.5 Section 10; lossless only, so the stored pixels are the received
 * ones). Decides nothing about durability: it reads one file and writes another.
 */
public final class IngestCompressor {

    private static final ReadOptions HEADER = ReadOptions.builder().stopBeforePixelData().build();

    private final Transcoder transcoder = new Transcoder(TranscodeOptions.DEFAULT);

    /**
     * Writes {@code received} (a data set in {@code receivedTs}) compressed to {@code targetTs}
     * into {@code into}.
     *
     * @return empty when {@code into} holds the compressed data set, else why it was not
     *         compressed (then {@code into} is to be discarded and the data set stored as received)
     */
    public Optional<String> compress(Path received, String receivedTs, Path into, String targetTs) {
        if (TransferSyntaxCatalog.isLossy(targetTs)) {
            return Optional.of("target " + targetTs + " is lossy; ingest compresses losslessly only");
        }
        if (!TransferSyntaxCatalog.isNative(receivedTs)) {
            return Optional.of("already compressed (" + receivedTs + ")");
        }
        try {
            if (!hasPixelData(received, receivedTs)) {
                return Optional.of("no Pixel Data");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(received), 64 * 1024);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(into), 64 * 1024)) {
                transcoder.transcodeDataset(in, receivedTs, out, targetTs);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot compress to " + targetTs + ": " + e.getMessage());
        }
    }

    private static boolean hasPixelData(Path received, String ts) throws IOException {
        TransferSyntax syntax = TransferSyntax.of(ts);
        if (syntax.deflated()) {
            return true; // the transcoder inflates; a deflated data set without pixels fails there
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(received), 64 * 1024)) {
            DicomReader reader = new DicomReader(in, syntax, HEADER);
            reader.readDataset();
            return reader.peekTag() == Tag.PixelData;
        }
    }
}
