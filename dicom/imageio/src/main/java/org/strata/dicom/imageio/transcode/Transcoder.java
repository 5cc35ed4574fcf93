package org.strata.dicom.imageio.transcode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/**
 * Transcodes DICOM instances between transfer syntaxes (PS3.5 Section 10, Annex A), frame by frame.
 * Every attribute except Pixel Data, Photometric Interpretation, Planar Configuration, the offset
 * tables and, after lossy encoding, Lossy Image Compression/Ratio/Method is kept as is (SOP
 * Instance UID included).
 *
 * <pre>{@code
 * Transcoder t = new Transcoder(TranscodeOptions.DEFAULT);              // lossless only
 * String ts = TransferSyntaxChooser.choose(storedTs, acceptedByPeer, false).orElseThrow();
 * t.transcodeDataset(storedDatasetStream, storedTs, pDataOut, ts);      // C-STORE sub-operation
 * t.transcode(part10In, part10Out, TransferSyntaxCatalog.EXPLICIT_VR_LE); // whole Part 10 file
 * }</pre>
 */
public final class Transcoder {

    private final TranscodeOptions options;

    public Transcoder(TranscodeOptions options) {
        this.options = options;
    }

    /**
     * Transcodes a data set stream without File Meta Information (e.g. the data set of a C-STORE
     * request) read up to its end. Neither stream is closed.
     */
    public void transcodeDataset(InputStream datasetIn, String sourceTs, OutputStream datasetOut, String targetTs)
            throws IOException {
        new DatasetTranscoder(options).transcode(datasetIn, sourceTs, datasetOut, targetTs);
    }

    /**
     * Transcodes a Part 10 stream (PS3.10 7.1) into a Part 10 stream in {@code targetTs}; the File
     * Meta Information is kept except Transfer Syntax UID and the implementation identification.
     *
     * @return the source transfer syntax UID
     */
    public String transcode(InputStream part10In, OutputStream part10Out, String targetTs) throws IOException {
        BufferedInputStream in = new BufferedInputStream(part10In, 64 * 1024);
        byte[] head = in.readNBytes(132);
        if (head.length < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            throw new TranscodeException("not a DICOM Part 10 stream (no preamble and DICM prefix)");
        }
        Attributes meta = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.builder().stopBefore(tag -> Tags.group(tag) != 2).maxValueLength(1 << 20).build())
                .readDataset();
        String sourceTs = meta.getString(Tag.TransferSyntaxUID, "").trim();
        if (sourceTs.isEmpty()) {
            throw new TranscodeException("File Meta Information without Transfer Syntax UID");
        }
        new DatasetTranscoder(options).checkPair(sourceTs, targetTs);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, targetTs);
        meta.setString(Tag.ImplementationClassUID, VR.UI, FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, FileMetaInformation.IMPLEMENTATION_VERSION_NAME);
        if (!meta.contains(Tag.FileMetaInformationGroupLength)) {
            meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 0);
        }
        BufferedOutputStream out = new BufferedOutputStream(part10Out, 64 * 1024);
        out.write(Arrays.copyOf(head, 132));
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(meta);
        transcodeDataset(in, sourceTs, out, targetTs);
        out.flush();
        return sourceTs;
    }

    /**
     * Transcodes a file; the output appears (atomically moved from a temporary file next to it)
     * only when transcoding succeeded.
     */
    public void transcode(Path in, Path out, String targetTs) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".transcode", ".tmp");
        try {
            try (InputStream i = Files.newInputStream(in); OutputStream o = Files.newOutputStream(tmp)) {
                transcode(i, o, targetTs);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Transcodes an instance held in memory (its bulk data references are read frame by frame). The
     * result is held in memory: for large multi-frame objects prefer the stream or path variants.
     */
    public DicomFile transcode(DicomFile in, String targetTs) throws IOException {
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        Attributes meta = in.fileMeta().isEmpty()
                ? FileMetaInformation.create(in.dataset(), in.transferSyntax().uid()) : in.fileMeta();
        Part10Writer.write(source, new DicomFile(in.preamble(), meta, in.dataset(), in.transferSyntax()),
                WriteOptions.DEFAULT);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        transcode(new ByteArrayInputStream(source.toByteArray()), target, targetTs);
        return Part10Reader.read(new ByteArrayInputStream(target.toByteArray()), ReadOptions.DEFAULT);
    }
}
