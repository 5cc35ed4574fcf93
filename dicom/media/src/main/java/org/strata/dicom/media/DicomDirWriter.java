package org.strata.dicom.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/**
 * Writes a DICOMDIR (PS3.10 7.2, 8.6; PS3.3 F.3) in two passes: each record is encoded once to
 * learn its length (the offsets are fixed-size UL values, so filling them in does not change any
 * length), then the offsets are set and the file written with explicit sequence and item
 * lengths. Offsets count from the first byte of the file, preamble included, and point at the
 * record's Item tag (PS3.3 F.3.2.2).
 */
public final class DicomDirWriter {

    /** PS3.10 7.2 / PS3.3 F.3: Explicit VR Little Endian. */
    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final WriteOptions DEFINED = WriteOptions.DEFAULT
            .withSequenceLengths(WriteOptions.LengthEncoding.DEFINED)
            .withItemLengths(WriteOptions.LengthEncoding.DEFINED);
    /** Explicit VR header of an SQ element: tag, VR, 2 reserved bytes, 32-bit length (PS3.5 7.1.2). */
    private static final int SQ_HEADER = 12;
    private static final int ITEM_HEADER = 8;
    private static final int IN_USE = 0xFFFF;

    private DicomDirWriter() {
    }

    /**
     * File-set identification of the DICOMDIR header (PS3.3 F.3.2.1).
     *
     * @param fileSetId File-set ID (0004,1130), 0-16 CS characters; empty allowed (Type 2)
     * @param descriptorFileId File-set Descriptor File ID (0004,1141), or {@code null}
     * @param descriptorCharset Specific Character Set of that file (0004,1142), or {@code null}
     */
    public record Header(String fileSetId, FileId descriptorFileId, String descriptorCharset) {
        public Header {
            if (fileSetId.length() > 16 || !fileSetId.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9' || c == '_' || c == ' ')) {
                throw new IllegalArgumentException("File-set ID must be 0-16 of A-Z 0-9 _ space: " + fileSetId);
            }
        }

        public static Header of(String fileSetId) {
            return new Header(fileSetId, null, null);
        }
    }

    /** Writes {@code roots} (the root directory entity) as DICOMDIR file {@code file}. */
    public static void write(Path file, Header header, List<DirectoryNode> roots) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(out, header, roots);
        }
    }

    /** Writes to a stream; returns the number of bytes written. */
    public static long write(OutputStream out, Header header, List<DirectoryNode> roots) throws IOException {
        List<DirectoryNode> order = new ArrayList<>();
        roots.forEach(n -> flatten(n, order));
        Map<DirectoryNode, Attributes> items = new IdentityHashMap<>();
        for (DirectoryNode node : order) {
            items.put(node, item(node.record()));
        }
        Attributes dataset = headerDataset(header);
        Attributes meta = FileMetaInformation.create(UID.MediaStorageDirectoryStorage,
                "2.25." + new java.math.BigInteger(1, uuidBytes()), TS.uid());
        // pass 1: lengths
        long position = encodedLength(meta, dataset) + SQ_HEADER;
        Map<DirectoryNode, Long> offsets = new IdentityHashMap<>();
        for (DirectoryNode node : order) {
            offsets.put(node, position);
            position += ITEM_HEADER + itemLength(items.get(node));
        }
        long total = position;
        if (total > 0xFFFFFFFFL) {
            throw new IOException("DICOMDIR larger than 4 GiB: offsets do not fit in UL");
        }
        // pass 2: offsets (PS3.3 F.3.2.2), 0 where there is no next / lower record
        linkSiblings(roots, items, offsets);
        dataset.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                roots.isEmpty() ? 0 : offsets.get(roots.get(0)));
        dataset.setInt(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                roots.isEmpty() ? 0 : offsets.get(roots.get(roots.size() - 1)));
        Sequence seq = dataset.newSequence(Tag.DirectoryRecordSequence);
        for (DirectoryNode node : order) {
            seq.add(items.get(node));
        }
        CountingOutputStream counter = new CountingOutputStream(out);
        Part10Writer.write(counter, new DicomFile(null, meta, dataset, TS), DEFINED);
        if (counter.count() != total) {
            throw new IllegalStateException("DICOMDIR length " + counter.count() + " differs from computed " + total);
        }
        return total;
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
    }

    private static void flatten(DirectoryNode node, List<DirectoryNode> order) {
        order.add(node);
        node.children().forEach(c -> flatten(c, order));
    }

    private static void linkSiblings(List<DirectoryNode> siblings, Map<DirectoryNode, Attributes> items,
            Map<DirectoryNode, Long> offsets) {
        for (int i = 0; i < siblings.size(); i++) {
            DirectoryNode node = siblings.get(i);
            Attributes item = items.get(node);
            item.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL,
                    i + 1 < siblings.size() ? offsets.get(siblings.get(i + 1)) : 0);
            item.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL,
                    node.children().isEmpty() ? 0 : offsets.get(node.children().get(0)));
            linkSiblings(node.children(), items, offsets);
        }
    }

    /** The record with the PS3.3 F.3.2.2 linkage elements, offsets 0 for now. */
    private static Attributes item(Attributes record) {
        Attributes item = new Attributes().addAll(record);
        item.setInt(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
        item.setInt(Tag.RecordInUseFlag, VR.US, IN_USE);
        item.setInt(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
        item.setUndefinedItemLength(false);
        return item;
    }

    private static Attributes headerDataset(Header header) {
        Attributes ds = new Attributes();
        ds.setString(Tag.FileSetID, VR.CS, header.fileSetId().isEmpty() ? new String[0]
                : new String[] {header.fileSetId()});
        if (header.descriptorFileId() != null) {
            ds.setString(Tag.FileSetDescriptorFileID, VR.CS, header.descriptorFileId().values());
            if (header.descriptorCharset() != null) {
                ds.setString(Tag.SpecificCharacterSetOfFileSetDescriptorFile, VR.CS, header.descriptorCharset());
            }
        }
        ds.setInt(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        ds.setInt(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        // PS3.3 F.3.2.1: 0000H = no known inconsistencies
        ds.setInt(Tag.FileSetConsistencyFlag, VR.US, 0);
        return ds;
    }

    /** Bytes of preamble, meta and the header elements that precede (0004,1220). */
    private static long encodedLength(Attributes meta, Attributes dataset) throws IOException {
        CountingOutputStream counter = new CountingOutputStream(OutputStream.nullOutputStream());
        Part10Writer.write(counter, new DicomFile(null, meta, dataset, TS), DEFINED);
        return counter.count();
    }

    private static long itemLength(Attributes item) throws IOException {
        CountingOutputStream counter = new CountingOutputStream(OutputStream.nullOutputStream());
        new DicomWriter(counter, TS, DEFINED).writeDataset(item);
        return counter.count();
    }
}
