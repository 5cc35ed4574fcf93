package org.strata.dicom.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.ElementDictionary;

/**
 * Reads DICOM files (PS3.10 7.1): preamble, "DICM", the File Meta Information in Explicit VR
 * Little Endian, then the data set in the transfer syntax named there. Files without preamble
 * or meta information (ACR-NEMA style or raw data sets) are accepted: the encoding is detected
 * from the first element.
 */
public final class Part10Reader {

    private static final int PREAMBLE = 128;

    private Part10Reader() {
    }

    /** Reads a file; values chosen by {@code options.bulkData()} stay in the file as references. */
    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, options.withBulkDataFile(file), Files.size(file));
        }
    }

    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads a file from a stream (bulk data references need {@link #read(Path, ReadOptions)}). */
    public static DicomFile read(InputStream stream, ReadOptions options) throws IOException {
        return read(stream, options, -1);
    }

    private static DicomFile read(InputStream stream, ReadOptions options, long size) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 16 * 1024);
        in.mark(PREAMBLE + 4);
        byte[] head = in.readNBytes(PREAMBLE + 4);
        in.reset();
        byte[] preamble = null;
        long position = 0;
        if (head.length == PREAMBLE + 4 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            preamble = Arrays.copyOf(head, PREAMBLE);
            in.skipNBytes(PREAMBLE + 4);
            position = PREAMBLE + 4;
        } else if (head.length >= 4 && head[0] == 'D' && head[1] == 'I' && head[2] == 'C' && head[3] == 'M') {
            in.skipNBytes(4);
            position = 4;
            head = Arrays.copyOfRange(head, 4, head.length);
        }
        Attributes meta = new Attributes();
        TransferSyntax ts;
        if (preamble != null || position == 4 || startsWithMetaGroup(head)) {
            DicomReader metaReader = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    ReadOptions.builder().stopBefore(tag -> Tags.group(tag) != 2)
                            .maxValueLength(Math.min(options.maxValueLength(), 1 << 20)).build(), position, size);
            metaReader.readDataset(meta);
            position = metaReader.position();
            String tsUid = meta.getString(Tag.TransferSyntaxUID);
            if (tsUid == null || tsUid.isEmpty()) {
                // lenient: meta information without (0002,0010), detect the data set's encoding
                in.mark(8);
                byte[] first = in.readNBytes(8);
                in.reset();
                ts = detect(first, position);
            } else {
                ts = TransferSyntax.of(tsUid);
            }
        } else {
            ts = detect(head, position);
        }
        DicomReader reader = new DicomReader(in, ts, options, position, size);
        Attributes dataset = reader.readDataset();
        return new DicomFile(preamble, meta, dataset, ts);
    }

    private static boolean startsWithMetaGroup(byte[] head) {
        return head.length >= 6 && head[0] == 2 && head[1] == 0 && VR.ofCode((head[4] & 0xFF) << 8 | head[5] & 0xFF) != null;
    }

    /** Guesses the encoding of a data set without meta information from its first element header. */
    static TransferSyntax detect(byte[] head, long position) throws DicomParseException {
        if (head.length < 8) {
            throw new DicomParseException("not a DICOM file (too short)", 0, position);
        }
        int vrCode = (head[4] & 0xFF) << 8 | head[5] & 0xFF;
        boolean explicit = VR.ofCode(vrCode) != null;
        int groupLE = (head[1] & 0xFF) << 8 | head[0] & 0xFF;
        int groupBE = (head[0] & 0xFF) << 8 | head[1] & 0xFF;
        if (explicit && groupBE != 0 && groupBE <= 0x0008 && groupLE > groupBE) {
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        if (explicit && plausibleFirst(head)) {
            return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        if (plausibleFirst(head)) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        throw new DicomParseException("not a DICOM file (no DICM prefix, unknown first element "
                + Tags.toString(tagLE(head)) + ")", 0, position);
    }

    private static int tagLE(byte[] h) {
        return ((h[1] & 0xFF) << 8 | h[0] & 0xFF) << 16 | (h[3] & 0xFF) << 8 | h[2] & 0xFF;
    }

    private static boolean plausibleFirst(byte[] head) {
        int tag = tagLE(head);
        int group = Tags.group(tag);
        // a data set starts with a low group: command (0000), meta (0002), identifying (0008), ...
        return group <= 0x0010 && (group < 0x0008 || Tags.isGroupLength(tag)
                || ElementDictionary.standard().lookup(tag).isPresent());
    }
}
