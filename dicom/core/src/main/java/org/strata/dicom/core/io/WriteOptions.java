package org.strata.dicom.core.io;

/**
 * How a data set is encoded.
 *
 * @param sequenceLengths length form of sequences (PS3.5 7.5.1)
 * @param itemLengths length form of items (PS3.5 7.5.1)
 * @param groupLengths what to do with Group Length (gggg,0000) elements present (PS3.5 7.2)
 */
public record WriteOptions(LengthEncoding sequenceLengths, LengthEncoding itemLengths, GroupLengths groupLengths) {

    /** Explicit or undefined length of sequences and items. */
    public enum LengthEncoding {
        /** As read (default for newly built sequences and items: undefined). */
        AS_READ,
        /** Undefined length with delimitation items. */
        UNDEFINED,
        /** Explicit length. */
        DEFINED
    }

    /** Treatment of Group Length elements. */
    public enum GroupLengths {
        /** Keep those present, with their value recalculated for the target encoding. */
        RECALCULATE,
        /** Drop them (except the command group's (0000,0000), which PS3.7 requires). */
        REMOVE
    }

    /** As read, group lengths recalculated. */
    public static final WriteOptions DEFAULT =
            new WriteOptions(LengthEncoding.AS_READ, LengthEncoding.AS_READ, GroupLengths.RECALCULATE);

    public WriteOptions withSequenceLengths(LengthEncoding encoding) {
        return new WriteOptions(encoding, itemLengths, groupLengths);
    }

    public WriteOptions withItemLengths(LengthEncoding encoding) {
        return new WriteOptions(sequenceLengths, encoding, groupLengths);
    }

    public WriteOptions withGroupLengths(GroupLengths groupLengths) {
        return new WriteOptions(sequenceLengths, itemLengths, groupLengths);
    }
}
