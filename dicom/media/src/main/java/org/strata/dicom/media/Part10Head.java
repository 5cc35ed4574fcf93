package org.strata.dicom.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;

/**
 * The head of a Part 10 file on a medium (PS3.10 7.1): SOP class, instance and transfer syntax,
 * and where its data set starts, so that an importer can stream the data set as it is.
 *
 * @param dataSetOffset the byte where the data set follows the File Meta Information
 */
public record Part10Head(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                         long dataSetOffset) {

    private static final int PREAMBLE_AND_PREFIX = 132;

    /** Reads the head; an {@link IOException} for a file that is not Part 10 or lacks the UIDs. */
    public static Part10Head read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            byte[] head = in.readNBytes(PREAMBLE_AND_PREFIX);
            if (head.length < PREAMBLE_AND_PREFIX || head[128] != 'D' || head[129] != 'I' || head[130] != 'C'
                    || head[131] != 'M') {
                throw new IOException("not a Part 10 file (no DICM prefix)");
            }
            Attributes meta = new Attributes();
            DicomReader r = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.builder()
                    .stopBefore(tag -> Tags.group(tag) != 2).maxValueLength(1 << 16).build(), PREAMBLE_AND_PREFIX,
                    size);
            r.readDataset(meta);
            String ts = meta.getString(Tag.TransferSyntaxUID, "").trim();
            if (ts.isEmpty()) {
                throw new IOException("no Transfer Syntax UID in the File Meta Information");
            }
            long offset = r.position();
            Attributes ds = new Attributes();
            new DicomReader(in, TransferSyntax.of(ts), ReadOptions.builder()
                    .stopBefore(tag -> Integer.compareUnsigned(tag, Tag.SOPInstanceUID) > 0)
                    .maxValueLength(1 << 16).build(), offset, size).readDataset(ds);
            String cls = ds.getString(Tag.SOPClassUID, "").trim();
            String inst = ds.getString(Tag.SOPInstanceUID, "").trim();
            if (cls.isEmpty() || inst.isEmpty()) {
                throw new IOException("no SOP Class or SOP Instance UID in the data set");
            }
            return new Part10Head(file, cls, inst, ts, offset);
        }
    }

    /** The data set as it is in the file. */
    public InputStream openDataSet() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(dataSetOffset);
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
