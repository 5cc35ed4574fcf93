package org.strata.dicom.net.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.assoc.PDataOutputStream;
import org.strata.dicom.net.dimse.DataWriter;

/**
 * A DICOM file to send with C-STORE: its SOP class, instance and transfer syntax from the File Meta
 * Information (PS3.10 7.1), and the data set streamed from the file as it is, never loaded whole.
 * Files without meta information are parsed by dicom-core and re-encoded in memory.
 */
public record Part10Source(Path file, String sopClassUid, String sopInstanceUid, String transferSyntax,
        long dataSetOffset) {

    private static final int PREAMBLE_AND_PREFIX = 132;

    public static Part10Source open(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file); InputStream in = new BufferedInputStream(raw, 8192)) {
            byte[] head = in.readNBytes(PREAMBLE_AND_PREFIX);
            if (head.length == PREAMBLE_AND_PREFIX && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                    && head[131] == 'M') {
                Attributes meta = new Attributes();
                DicomReader r = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.builder()
                        .stopBefore(tag -> Tags.group(tag) != 2).maxValueLength(1 << 16).build(),
                        PREAMBLE_AND_PREFIX, size);
                r.readDataset(meta);
                String ts = meta.getString(Tag.TransferSyntaxUID);
                long offset = r.position();
                if (ts != null) {
                    // the UIDs of the command come from the data set itself, as the peer checks them
                    Attributes head2 = new Attributes();
                    new DicomReader(in, TransferSyntax.of(ts), ReadOptions.builder()
                            .stopBefore(tag -> Integer.compareUnsigned(tag, Tag.SOPInstanceUID) > 0)
                            .maxValueLength(1 << 16).build(), offset, size).readDataset(head2);
                    String cls = head2.getString(Tag.SOPClassUID, meta.getString(Tag.MediaStorageSOPClassUID));
                    String inst = head2.getString(Tag.SOPInstanceUID, meta.getString(Tag.MediaStorageSOPInstanceUID));
                    if (cls != null && inst != null) {
                        return new Part10Source(file, cls, inst, ts, offset);
                    }
                }
            }
        }
        DicomFile f = Part10Reader.read(file);
        return new Part10Source(file, f.dataset().getString(Tag.SOPClassUID),
                f.dataset().getString(Tag.SOPInstanceUID), f.transferSyntax().uid(), -1);
    }

    /** Writes the data set: copied from the file from {@link #dataSetOffset}, or re-encoded. */
    public DataWriter dataSet() {
        return out -> {
            if (dataSetOffset >= 0) {
                long n;
                try (FileChannel ch = FileChannel.open(file)) {
                    if (out instanceof PDataOutputStream p) {
                        n = p.transferFrom(ch, dataSetOffset, ch.size() - dataSetOffset);
                    } else {
                        ch.position(dataSetOffset);
                        n = Channels.newInputStream(ch).transferTo(out);
                    }
                }
                if (n % 2 != 0) {
                    out.write(0); // PS3.5 A.5: a deflated data set is padded to even length
                }
            } else {
                DicomFile f = Part10Reader.read(file);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                DicomWriter.write(f.dataset(), b, f.transferSyntax());
                b.writeTo(out);
            }
        };
    }
}
