package org.strata.dicom.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.ValueCodec;

/**
 * Encodes a data set in a transfer syntax (PS3.5 7), without Part 10 meta. Odd-length values
 * are padded (PS3.5 7.1.1); a value too long for a 16-bit explicit length is written as UN
 * (PS3.5 6.2.2); group lengths are recalculated (PS3.5 7.2).
 */
public final class DicomWriter {

    private static final int UNDEFINED = -1;

    private final OutputStream target;
    private final OutputStream out;
    private final TransferSyntax ts;
    private final WriteOptions options;
    private final EncodedLengths lengths;
    private final byte[] header = new byte[12];
    private final Deflater deflater;
    private final DeflaterOutputStream deflaterStream;

    public DicomWriter(OutputStream out, TransferSyntax ts, WriteOptions options) {
        this.target = out;
        this.ts = ts;
        this.options = options;
        this.lengths = new EncodedLengths(ts, options);
        // PS3.5 A.5: deflate (RFC 1951) without zlib header
        this.deflater = ts.deflated() ? new Deflater(Deflater.DEFAULT_COMPRESSION, true) : null;
        this.deflaterStream = deflater != null ? new DeflaterOutputStream(out, deflater, 16 * 1024) : null;
        this.out = new BufferedOutputStream(deflaterStream != null ? deflaterStream : out, 16 * 1024);
    }

    /** Writes {@code attrs} in {@code ts} with default options. */
    public static void write(Attributes attrs, OutputStream out, TransferSyntax ts) throws IOException {
        new DicomWriter(out, ts, WriteOptions.DEFAULT).writeDataset(attrs);
    }

    /**
     * Writes a DIMSE command set in Implicit VR Little Endian with a correct (0000,0000)
     * Command Group Length (PS3.7 6.3.1, 9.3).
     */
    public static void writeCommand(Attributes command, OutputStream out) throws IOException {
        if (!command.contains(Tag.CommandGroupLength)) {
            command.setInt(Tag.CommandGroupLength, VR.UL, 0);
        }
        write(command, out, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Writes all elements, then flushes (and finishes the deflate stream); {@code out} stays open. */
    public void writeDataset(Attributes attrs) throws IOException {
        writeElements(attrs);
        out.flush();
        if (deflaterStream != null) {
            // closing would close the caller's stream: finish the deflate stream only
            deflaterStream.finish();
            deflater.end();
        }
        target.flush();
    }

    private void writeElements(Attributes attrs) throws IOException {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            if (Tags.isGroupLength(tag) && attrs.vrAt(i) == VR.UL) {
                if (options.groupLengths() == WriteOptions.GroupLengths.REMOVE && tag != Tag.CommandGroupLength) {
                    continue;
                }
                writeHeader(tag, VR.UL, 4);
                writeBinary(ValueCodec.fromLongs(VR.UL, lengths.groupLength(attrs, i)), VR.UL);
                continue;
            }
            writeElement(attrs, tag, attrs.vrAt(i), attrs.valueAt(i));
        }
    }

    private void writeElement(Attributes attrs, int tag, VR vr, Object value) throws IOException {
        if (value instanceof Sequence seq) {
            writeSequence(tag, seq);
        } else if (value instanceof Fragments fragments) {
            writeHeader(tag, fragments.vr(), UNDEFINED);
            for (Object f : fragments.list()) {
                long len = f instanceof BulkData b ? b.length() : ((byte[]) f).length;
                writeItemHeader(Tags.ITEM, (int) ValueEncoder.paddedLength(len));
                writeValue(f, VR.OB, len);
            }
            writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        } else {
            byte[] bytes = ValueEncoder.bytes(attrs, vr, value);
            long len = bytes != null ? bytes.length : ((BulkData) value).length();
            long padded = ValueEncoder.paddedLength(len);
            VR headerVR = ts.explicitVR() && !vr.hasLongExplicitHeader() && padded > 0xFFFF ? VR.UN : vr;
            writeHeader(tag, headerVR, (int) padded);
            writeValue(bytes != null ? bytes : value, vr, len);
        }
    }

    private void writeSequence(int tag, Sequence seq) throws IOException {
        boolean undefined = lengths.undefined(options.sequenceLengths(), seq.undefinedLength());
        writeHeader(tag, VR.SQ, undefined ? UNDEFINED : (int) lengths.sequenceLength(seq));
        for (Attributes item : seq) {
            boolean undefinedItem = lengths.undefined(options.itemLengths(), item.undefinedItemLength());
            writeItemHeader(Tags.ITEM, undefinedItem ? UNDEFINED : (int) lengths.datasetLength(item));
            writeElements(item);
            if (undefinedItem) {
                writeItemHeader(Tags.ITEM_DELIMITATION, 0);
            }
        }
        if (undefined) {
            writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        }
    }

    private void writeValue(Object value, VR vr, long len) throws IOException {
        if (value instanceof BulkData bulk) {
            copyBulk(bulk, vr);
        } else {
            byte[] b = (byte[]) value;
            if (vr.isText()) {
                out.write(b);
            } else {
                writeBinary(b, vr);
            }
        }
        if ((len & 1) != 0) {
            out.write(vr.paddingByte());
        }
    }

    private void writeBinary(byte[] b, VR vr) throws IOException {
        if (ts.bigEndian() && vr.unitSize() > 1) {
            out.write(ValueCodec.swap(b.clone(), vr == VR.AT ? 2 : vr.unitSize()));
        } else {
            out.write(b);
        }
    }

    private void copyBulk(BulkData bulk, VR vr) throws IOException {
        boolean swap = bulk.bigEndian() != ts.bigEndian() && vr.unitSize() > 1;
        if (!swap && deflaterStream == null && target instanceof FileChannelOutputStream file) {
            out.flush(); // what is buffered precedes the value in the file
            file.transferFrom(bulk);
            return;
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = bulk.openStream()) {
            long copied = 0;
            for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0;) {
                out.write(swap ? ValueCodec.swap(buf, vr.unitSize()) : buf, 0, n);
                copied += n;
            }
            if (copied != bulk.length()) {
                throw new IOException("bulk data truncated: " + bulk.uri());
            }
        }
    }

    private void writeHeader(int tag, VR vr, int length) throws IOException {
        putTag(tag);
        if (!ts.explicitVR()) {
            putInt(4, length);
            out.write(header, 0, 8);
        } else if (vr.hasLongExplicitHeader()) {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            header[6] = 0;
            header[7] = 0;
            putInt(8, length);
            out.write(header, 0, 12);
        } else {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            putShort(6, length);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, int length) throws IOException {
        putTag(tag);
        putInt(4, length);
        out.write(header, 0, 8);
    }

    private void putTag(int tag) {
        putShort(0, tag >>> 16);
        putShort(2, tag);
    }

    private void putShort(int off, int v) {
        if (ts.bigEndian()) {
            header[off] = (byte) (v >>> 8);
            header[off + 1] = (byte) v;
        } else {
            header[off] = (byte) v;
            header[off + 1] = (byte) (v >>> 8);
        }
    }

    private void putInt(int off, int v) {
        if (ts.bigEndian()) {
            putShort(off, v >>> 16);
            putShort(off + 2, v);
        } else {
            putShort(off, v);
            putShort(off + 2, v >>> 16);
        }
    }
}
