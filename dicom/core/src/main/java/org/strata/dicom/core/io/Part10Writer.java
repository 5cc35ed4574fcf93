package org.strata.dicom.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * Writes DICOM files (PS3.10 7.1): 128-byte preamble, "DICM", File Meta Information in Explicit
 * VR Little Endian with its group length recalculated, then the data set in the meta
 * information's transfer syntax.
 */
public final class Part10Writer {

    private Part10Writer() {
    }

    /**
     * Writes a new file (replacing an existing one). Bulk data values are copied from their files
     * in the kernel when no byte swapping is needed ({@link FileChannelOutputStream}); {@code file}
     * must not be the file they refer to.
     */
    public static void write(Path file, DicomFile dicomFile, WriteOptions options) throws IOException {
        try (OutputStream out = new FileChannelOutputStream(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
            write(out, dicomFile, options);
        }
    }

    public static void write(Path file, DicomFile dicomFile) throws IOException {
        write(file, dicomFile, WriteOptions.DEFAULT);
    }

    /**
     * Writes to a stream; the transfer syntax of the data set is {@code dicomFile.transferSyntax()},
     * which also replaces (0002,0010) in the meta information written.
     */
    public static void write(OutputStream out, DicomFile dicomFile, WriteOptions options) throws IOException {
        byte[] preamble = dicomFile.preamble() != null && dicomFile.preamble().length == 128
                ? dicomFile.preamble() : new byte[128];
        byte[] head = Arrays.copyOf(preamble, 132);
        head[128] = 'D';
        head[129] = 'I';
        head[130] = 'C';
        head[131] = 'M';
        out.write(head);
        Attributes meta = new Attributes().addAll(dicomFile.fileMeta());
        if (!meta.contains(Tag.FileMetaInformationGroupLength)) {
            meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 0);
        }
        if (!dicomFile.transferSyntax().uid().equals(meta.getString(Tag.TransferSyntaxUID))) {
            meta.setString(Tag.TransferSyntaxUID, VR.UI, dicomFile.transferSyntax().uid());
        }
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(meta);
        new DicomWriter(out, dicomFile.transferSyntax(), options).writeDataset(dicomFile.dataset());
    }
}
