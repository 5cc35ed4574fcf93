package org.strata.dicom.media;

import org.strata.dicom.core.VR;

/**
 * One key of a directory record (PS3.3 F.5): the attribute, its VR when it has to be created, its
 * type, and for Type 1 keys the value used when an instance lacks it.
 *
 * @param fallback value written for a missing Type 1 key (logged as invented); {@code null} for
 *        sequences, which cannot be invented
 */
public record RecordKey(int tag, VR vr, Type type, String fallback) {

    /** Attribute types of PS3.3 F.5 as far as record creation is concerned. */
    public enum Type {
        /** Type 1: must be present with a value. */
        REQUIRED,
        /** Type 2: must be present, may be empty. */
        REQUIRED_EMPTY,
        /** Type 1C/3: copied when the instance has it. */
        IF_PRESENT
    }

    static RecordKey type1(int tag, VR vr, String fallback) {
        return new RecordKey(tag, vr, Type.REQUIRED, fallback);
    }

    static RecordKey type2(int tag, VR vr) {
        return new RecordKey(tag, vr, Type.REQUIRED_EMPTY, null);
    }

    static RecordKey optional(int tag, VR vr) {
        return new RecordKey(tag, vr, Type.IF_PRESENT, null);
    }
}
