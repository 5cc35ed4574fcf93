package org.strata.dicom.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.ValueCodec;
import org.strata.dicom.core.dict.ElementDictionary;

/**
 * Streaming parser of a data set in a given transfer syntax, without Part 10 meta (PS3.5 7).
 * Lenient where the standard's readers are expected to be: odd lengths, unknown VR codes and
 * implicit VR elements inside explicit VR data, UN of undefined length (PS3.5 6.2.2).
 */
public final class DicomReader {

    private static final int UNDEFINED = -1;

    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final ReadOptions options;
    private final long limit;
    private DicomInput input;
    private boolean explicitVR;
    private boolean bigEndian;

    /**
     * @param in positioned at the first element of the data set
     * @param position the offset of {@code in} in its file (for bulk data references and errors)
     * @param limit bytes available in the source from offset 0 (-1 if unknown): lengths beyond it fail early
     */
    public DicomReader(InputStream in, TransferSyntax ts, ReadOptions options, long position, long limit) {
        this.options = options;
        this.explicitVR = ts.explicitVR();
        this.bigEndian = ts.bigEndian();
        if (ts.deflated()) {
            // PS3.5 A.5: the data set is deflated (RFC 1951, no zlib header)
            this.input = new DicomInput(new InflaterInputStream(in, new Inflater(true), 16 * 1024), 0, -1);
            this.limit = -1;
        } else {
            this.input = new DicomInput(in, position, limit);
            this.limit = limit;
        }
        input.bigEndian(bigEndian);
    }

    public DicomReader(InputStream in, TransferSyntax ts, ReadOptions options) {
        this(in, ts, options, 0, -1);
    }

    /** Reads a whole data set from a stream in {@code ts} (e.g. a P-DATA payload). */
    public static Attributes read(InputStream in, TransferSyntax ts) throws IOException {
        return new DicomReader(in, ts, ReadOptions.DEFAULT).readDataset();
    }

    /** Reads a DIMSE command set, always Implicit VR Little Endian (PS3.7 6.3.1). */
    public static Attributes readCommand(InputStream in) throws IOException {
        return read(in, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Current offset in the (inflated) stream. */
    public long position() {
        return input.position();
    }

    /**
     * The stream the reader consumes, positioned at the next unread byte (after a stop: at the
     * header of the element the stop predicate matched). Continue from here, not from the
     * stream given to the constructor, which the reader may have read ahead (buffered); for a
     * deflated syntax this is the inflated stream.
     */
    public InputStream inputStream() {
        return input.stream();
    }

    /**
     * The tag of the next element, without consuming it (e.g. after a stop), or -1 at the end.
     */
    public int peekTag() throws IOException {
        Integer tag = input.peekTag();
        return tag == null ? -1 : tag;
    }

    /** Reads elements until the end of the stream or the stop predicate matches. */
    public Attributes readDataset() throws IOException {
        return readDataset(new Attributes());
    }

    /** Reads elements into {@code into} until the end of the stream or the stop predicate matches. */
    public Attributes readDataset(Attributes into) throws IOException {
        try {
            readElements(into, UNDEFINED, 0);
        } catch (EOFException e) {
            throw new DicomParseException("unexpected end of data", 0, input.position(), e);
        } catch (java.util.zip.ZipException e) {
            throw new DicomParseException("corrupt deflated data", 0, input.position(), e);
        }
        return into;
    }

    private void readElements(Attributes attrs, long end, int depth) throws IOException {
        while (end == UNDEFINED || input.position() < end) {
            if (depth == 0) {
                Integer next = input.peekTag();
                if (next == null || options.stopBefore().test(next)) {
                    return;
                }
            }
            long start = input.position();
            int tag = input.readTag();
            if (tag == Tags.ITEM_DELIMITATION) {
                input.readInt();
                if (depth > 0 && end == UNDEFINED) {
                    return;
                }
                throw new DicomParseException("unexpected item delimitation", tag, start);
            }
            if (tag == Tags.ITEM || tag == Tags.SEQUENCE_DELIMITATION) {
                throw new DicomParseException("unexpected item tag", tag, start);
            }
            readElement(attrs, tag, start, depth);
        }
    }

    private void readElement(Attributes attrs, int tag, long start, int depth) throws IOException {
        VR vr;
        int length;
        if (explicitVR) {
            int code = input.readVRCode();
            vr = VR.ofCode(code);
            if (vr == null) {
                // not a VR: an implicit VR element inside explicit VR data; the 4 bytes are its length
                int high = input.readU16();
                vr = implicitVR(attrs, tag);
                length = bigEndian ? code << 16 | high : high << 16 | Integer.reverseBytes(code) >>> 16;
            } else if (vr.hasLongExplicitHeader()) {
                input.readU16();
                length = input.readInt();
            } else {
                length = input.readU16();
            }
        } else {
            vr = implicitVR(attrs, tag);
            length = input.readInt();
        }
        if (length == UNDEFINED) {
            readUndefinedLength(attrs, tag, vr, start, depth);
            return;
        }
        if (vr == VR.SQ) {
            Sequence seq = attrs.newSequence(tag);
            seq.setUndefinedLength(false);
            readItems(seq, tag, length, start, depth);
            return;
        }
        attrs.setValue(tag, vr, readValue(tag, vr, length, start, depth));
    }

    /** Dictionary VR; "US or SS" is SS when Pixel Representation (0028,0103) is 1 (PS3.5 A.1, PS3.3 C.7.6.3.1). */
    private VR implicitVR(Attributes attrs, int tag) {
        VR vr = dictionary.vrOf(tag);
        if (vr == VR.US && dictionary.isUsOrSs(tag) && attrs.getInt(Tag.PixelRepresentation, 0) == 1) {
            return VR.SS;
        }
        return vr;
    }

    private void readUndefinedLength(Attributes attrs, int tag, VR vr, long start, int depth) throws IOException {
        if (vr == VR.SQ) {
            readItems(attrs.newSequence(tag), tag, UNDEFINED, start, depth);
        } else if (tag == Tag.PixelData || vr == VR.OB || vr == VR.OW) {
            // PS3.5 A.4: encapsulated pixel data is OB, whatever VR the file claims
            attrs.setValue(tag, VR.OB, readFragments(tag, start, depth));
        } else if (vr == VR.UN) {
            // PS3.5 6.2.2 Note: UN of undefined length is a sequence in Implicit VR Little Endian
            boolean wasExplicit = explicitVR;
            boolean wasBigEndian = bigEndian;
            explicitVR = false;
            setBigEndian(false);
            try {
                readItems(attrs.newSequence(tag), tag, UNDEFINED, start, depth);
            } finally {
                explicitVR = wasExplicit;
                setBigEndian(wasBigEndian);
            }
        } else {
            throw new DicomParseException("undefined length for VR " + vr, tag, start);
        }
    }

    private void setBigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
        input.bigEndian(bigEndian);
    }

    private void readItems(Sequence seq, int seqTag, int length, long start, int depth) throws IOException {
        if (depth >= options.maxDepth()) {
            throw new DicomParseException("sequences nested deeper than " + options.maxDepth(), seqTag, start);
        }
        checkLength(seqTag, length, start);
        long end = length == UNDEFINED ? UNDEFINED : input.position() + (length & 0xFFFFFFFFL);
        while (end == UNDEFINED || input.position() < end) {
            long itemStart = input.position();
            int tag = input.readTag();
            int itemLength = input.readInt();
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                return;
            }
            if (tag != Tags.ITEM) {
                throw new DicomParseException("expected item in sequence " + Tags.toString(seqTag) + ", found "
                        + Tags.toString(tag), tag, itemStart);
            }
            Attributes item = seq.newItem();
            item.setUndefinedItemLength(itemLength == UNDEFINED);
            if (itemLength == UNDEFINED) {
                readElements(item, UNDEFINED, depth + 1);
            } else {
                checkLength(seqTag, itemLength, itemStart);
                readElements(item, input.position() + (itemLength & 0xFFFFFFFFL), depth + 1);
            }
        }
    }

    private Fragments readFragments(int tag, long start, int depth) throws IOException {
        Fragments fragments = new Fragments(VR.OB);
        while (true) {
            long itemStart = input.position();
            int itemTag = input.readTag();
            int length = input.readInt();
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (itemTag != Tags.ITEM || length == UNDEFINED) {
                throw new DicomParseException("expected a fragment item of encapsulated data", tag, itemStart);
            }
            checkLength(tag, length, itemStart);
            Object value = readValue(tag, VR.OB, length, itemStart, depth);
            if (value instanceof BulkData b) {
                fragments.add(b);
            } else {
                fragments.add(value == null ? new byte[0] : (byte[]) value);
            }
        }
    }

    private Object readValue(int tag, VR vr, int length, long start, int depth) throws IOException {
        checkLength(tag, length, start);
        if (length == 0) {
            return null;
        }
        if (options.bulkDataFile() != null && limit >= 0
                && options.bulkData().select(tag, vr, length & 0xFFFFFFFFL, depth)) {
            BulkData bulk = new BulkData(options.bulkDataFile(), input.position(), length & 0xFFFFFFFFL, bigEndian);
            input.skip(length & 0xFFFFFFFFL, tag);
            return bulk;
        }
        byte[] value = input.readBytes(length, tag);
        if (bigEndian && vr.unitSize() > 1) {
            ValueCodec.swap(value, vr == VR.AT ? 2 : vr.unitSize());
        }
        return value;
    }

    private void checkLength(int tag, int length, long start) throws DicomParseException {
        if (length == UNDEFINED) {
            return;
        }
        long len = length & 0xFFFFFFFFL;
        if (len > options.maxValueLength()) {
            throw new DicomParseException("value length " + len + " exceeds the limit of "
                    + options.maxValueLength(), tag, start);
        }
        if (limit >= 0 && input.position() + len > limit) {
            throw new DicomParseException("value length " + len + " exceeds the remaining "
                    + (limit - input.position()) + " bytes", tag, start);
        }
    }
}
