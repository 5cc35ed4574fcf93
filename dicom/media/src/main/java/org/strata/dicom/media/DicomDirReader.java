package org.strata.dicom.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.DicomParseException;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/**
 * Reads a DICOMDIR and rebuilds its record tree by following the offsets of PS3.3 F.3.2.2
 * (Offset of the First Directory Record of the Root Directory Entity, Offset of the Next
 * Directory Record, Offset of Referenced Lower-Level Directory Entity), never by item order.
 * The byte position of every item is recomputed from the parsed data (re-encoding as read) and
 * checked against the file's bytes, so an offset either names a verified record or fails with a
 * {@link DicomDirFormatException}; a record reached twice is a loop. Inactive records (Record
 * In-use Flag 0000H) are skipped with their lower levels.
 */
public final class DicomDirReader {

    /** PS3.3 F.4: PATIENT/STUDY/SERIES/instance is the deepest standard hierarchy; private ones get slack. */
    private static final int MAX_DEPTH = 16;

    private final Map<Long, Attributes> byOffset = new HashMap<>();
    private final Set<Long> visited = new HashSet<>();
    private long sequenceStart;
    private long sequenceEnd;

    private DicomDirReader() {
    }

    public static DicomDirectory read(Path dicomdir) throws IOException {
        return new DicomDirReader().readFile(dicomdir);
    }

    private DicomDirectory readFile(Path file) throws IOException {
        DicomFile df;
        try {
            df = Part10Reader.read(file);
        } catch (DicomParseException e) {
            DicomDirFormatException ex = new DicomDirFormatException(DicomDirFormatException.Kind.MALFORMED, -1,
                    file + ": " + e.getMessage());
            ex.initCause(e);
            throw ex;
        }
        Sequence records = df.dataset().getSequence(Tag.DirectoryRecordSequence);
        if (df.preamble() == null || records == null || df.transferSyntax().deflated()) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.NOT_A_DICOMDIR, -1,
                    file + ": not a DICOMDIR (needs preamble, File Meta Information and (0004,1220), not deflated)");
        }
        locateRecords(file, df, records);
        Attributes header = new Attributes().addAll(df.dataset());
        header.remove(Tag.DirectoryRecordSequence);
        long first = offset(header, Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity);
        if (first == 0 && !records.isEmpty()) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.OFFSET_OUT_OF_RANGE, 0,
                    "records present but no first root record offset (0004,1200)");
        }
        return new DicomDirectory(df.fileMeta(), header, entity(first, 0));
    }

    /** Computes each item's offset and checks it against the Item tag in the file. */
    private void locateRecords(Path file, DicomFile df, Sequence records) throws IOException {
        TransferSyntax ts = df.transferSyntax();
        Attributes before = new Attributes();
        for (int i = 0; i < df.dataset().size() && df.dataset().tagAt(i) < Tag.DirectoryRecordSequence; i++) {
            before.setValue(df.dataset().tagAt(i), df.dataset().vrAt(i), df.dataset().valueAt(i));
        }
        long position = 128 + 4 + length(df.fileMeta(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) + length(before, ts);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteOrder order = ts.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            if (tagAt(ch, position, order) != Tag.DirectoryRecordSequence) {
                throw new DicomDirFormatException(DicomDirFormatException.Kind.UNLOCATABLE_RECORDS, position,
                        "(0004,1220) not found where the encoding puts it");
            }
            position += ts.explicitVR() ? 12 : 8;
            sequenceStart = position;
            for (Attributes item : records) {
                if (tagAt(ch, position, order) != Tags.ITEM) {
                    throw new DicomDirFormatException(DicomDirFormatException.Kind.UNLOCATABLE_RECORDS, position,
                            "directory record item not found where the encoding puts it");
                }
                byOffset.put(position, item);
                position += 8 + length(item, ts) + (item.undefinedItemLength() ? 8 : 0);
            }
            sequenceEnd = position;
        }
    }

    private static int tagAt(FileChannel ch, long position, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4).order(order);
        if (position < 0 || ch.read(b, position) != 4) {
            return -1;
        }
        b.flip();
        int group = b.getShort() & 0xFFFF;
        int element = b.getShort() & 0xFFFF;
        return group << 16 | element;
    }

    private static long length(Attributes attrs, TransferSyntax ts) throws IOException {
        CountingOutputStream counter = new CountingOutputStream(OutputStream.nullOutputStream());
        new DicomWriter(counter, ts, WriteOptions.DEFAULT).writeDataset(attrs);
        return counter.count();
    }

    private static long offset(Attributes attrs, int tag) {
        int[] v = attrs.getInts(tag);
        return v == null || v.length == 0 ? 0 : v[0] & 0xFFFFFFFFL;
    }

    /** The records of the entity starting at {@code offset}, following Offset of the Next Directory Record. */
    private List<DirectoryRecord> entity(long offset, int depth) throws DicomDirFormatException {
        if (depth > MAX_DEPTH) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.TOO_DEEP, offset,
                    "directory entities nested deeper than " + MAX_DEPTH);
        }
        List<DirectoryRecord> result = new ArrayList<>();
        for (long next = offset; next != 0;) {
            Attributes item = record(next);
            long lower = offset(item, Tag.OffsetOfReferencedLowerLevelDirectoryEntity);
            // PS3.3 F.3.2.2: FFFFH in use, 0000H inactive (ignored with its lower levels)
            if (item.getInt(Tag.RecordInUseFlag, 0xFFFF) != 0) {
                result.add(new DirectoryRecord(next, item, List.copyOf(entity(lower, depth + 1))));
            }
            next = offset(item, Tag.OffsetOfTheNextDirectoryRecord);
        }
        return result;
    }

    private Attributes record(long offset) throws DicomDirFormatException {
        if (offset < sequenceStart || offset >= sequenceEnd) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.OFFSET_OUT_OF_RANGE, offset,
                    "offset outside the Directory Record Sequence [" + sequenceStart + ", " + sequenceEnd + ")");
        }
        Attributes item = byOffset.get(offset);
        if (item == null) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.NOT_A_RECORD, offset,
                    "offset does not point at a directory record");
        }
        if (!visited.add(offset)) {
            throw new DicomDirFormatException(DicomDirFormatException.Kind.LOOP, offset,
                    "directory record reached twice (loop in the offsets)");
        }
        return item;
    }
}
