package org.strata.dicom.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static void write(Path file, DicomFile dicomFile, WriteOptions options) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
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
        out.write(preamble);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
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
