package org.strata.dicom.core.io;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;

/** Computes encoded lengths of elements, items and sequences for a transfer syntax (PS3.5 7.1, 7.5). */
final class EncodedLengths {

    private final TransferSyntax ts;
    private final WriteOptions options;

    EncodedLengths(TransferSyntax ts, WriteOptions options) {
        this.ts = ts;
        this.options = options;
    }

    boolean undefined(WriteOptions.LengthEncoding encoding, boolean asRead) {
        return switch (encoding) {
            case AS_READ -> asRead;
            case UNDEFINED -> true;
            case DEFINED -> false;
        };
    }

    /** Length of the elements of an item or data set (as the writer writes them). */
    long datasetLength(Attributes attrs) {
        long total = 0;
        for (int i = 0; i < attrs.size(); i++) {
            total += elementLength(attrs, i);
        }
        return total;
    }

    /** Value of group length element {@code index}: the bytes of the following elements of its group. */
    long groupLength(Attributes attrs, int index) {
        int group = Tags.group(attrs.tagAt(index));
        long total = 0;
        for (int i = index + 1; i < attrs.size() && Tags.group(attrs.tagAt(i)) == group; i++) {
            total += elementLength(attrs, i);
        }
        return total;
    }

    long elementLength(Attributes attrs, int i) {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        if (Tags.isGroupLength(tag) && vr == VR.UL) {
            boolean removed = options.groupLengths() == WriteOptions.GroupLengths.REMOVE && tag != 0;
            return removed ? 0 : headerLength(VR.UL) + 4;
        }
        if (value instanceof Sequence seq) {
            boolean undefined = undefined(options.sequenceLengths(), seq.undefinedLength());
            return headerLength(VR.SQ) + sequenceLength(seq) + (undefined ? 8 : 0);
        }
        if (value instanceof Fragments fragments) {
            long total = headerLength(fragments.vr()) + 8;
            for (int k = 0; k < fragments.size(); k++) {
                total += 8 + ValueEncoder.paddedLength(fragments.length(k));
            }
            return total;
        }
        byte[] bytes = ValueEncoder.bytes(attrs, vr, value);
        long len = ValueEncoder.paddedLength(bytes != null ? bytes.length : ((BulkData) value).length());
        VR headerVR = ts.explicitVR() && !vr.hasLongExplicitHeader() && len > 0xFFFF ? VR.UN : vr;
        return headerLength(headerVR) + len;
    }

    /** Length of a sequence's items, without its own header or delimiter. */
    long sequenceLength(Sequence seq) {
        long total = 0;
        for (Attributes item : seq) {
            boolean undefined = undefined(options.itemLengths(), item.undefinedItemLength());
            total += 8 + datasetLength(item) + (undefined ? 8 : 0);
        }
        return total;
    }

    private int headerLength(VR vr) {
        return ts.explicitVR() ? vr.explicitHeaderLength() : 8;
    }
}
