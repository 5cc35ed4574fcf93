package org.strata.dicom.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;

/**
 * Builds the key part of directory records from an instance's data set (PS3.3 F.5). Missing Type 1
 * keys are invented (dates 19000101, numbers 0, Study ID from a hash of the Study Instance UID) and
 * every invention is reported through {@link #notes()}, so a caller can log what it changed.
 */
public final class DirectoryRecords {

    private final List<String> notes = new ArrayList<>();

    /** What was invented or could not be filled, one line each. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** A record of {@code type} with its keys taken from {@code dataset}. */
    public Attributes create(RecordType type, Attributes dataset) {
        Attributes record = new Attributes();
        record.setString(Tag.DirectoryRecordType, VR.CS, type.code());
        for (RecordKey key : type.keys()) {
            copyKey(type, key, dataset, record);
        }
        if (type == RecordType.STUDY && !record.contains(Tag.StudyInstanceUID)) {
            notes.add("STUDY record without Study Instance UID");
        }
        if (type == RecordType.SR_DOCUMENT || type == RecordType.KEY_OBJECT_DOC) {
            copyConceptModifiers(dataset, record);
        }
        if (type == RecordType.SR_DOCUMENT) {
            verificationDateTime(dataset, record);
        }
        if (hasCharsetDependentText(record)) {
            copyCharacterSet(dataset, record);
        }
        return record;
    }

    /**
     * PS3.3 F.5.19 (SR Document keys): Verification DateTime is 1C, required if Verification Flag is
     * VERIFIED, and equals the most recent Verification DateTime in the Verifying Observer Sequence,
     * which is where an SR document holds it (PS3.3 C.17.2).
     */
    private void verificationDateTime(Attributes dataset, Attributes record) {
        if (record.contains(Tag.VerificationDateTime)
                || !"VERIFIED".equals(dataset.getString(Tag.VerificationFlag, "").trim())) {
            return;
        }
        String latest = null;
        if (dataset.getValue(Tag.VerifyingObserverSequence) instanceof Sequence observers) {
            for (Attributes observer : observers) {
                String dt = observer.getString(Tag.VerificationDateTime, "").trim();
                // DT values of one document compare in time order as text when of equal precision
                if (!dt.isEmpty() && (latest == null || dt.compareTo(latest) > 0)) {
                    latest = dt;
                }
            }
        }
        if (latest == null) {
            latest = "19000101000000";
            notes.add("SR DOCUMENT record: VERIFIED document without Verification DateTime, " + latest + " used");
        }
        record.setString(Tag.VerificationDateTime, VR.DT, latest);
    }

    /** Whether a key has a VR whose value depends on the character set (PS3.5 6.1.2.3). */
    private static boolean hasCharsetDependentText(Attributes record) {
        for (int i = 0; i < record.size(); i++) {
            VR vr = record.vrAt(i);
            if (vr == VR.SQ || vr == VR.PN || vr == VR.SH || vr == VR.LO || vr == VR.ST || vr == VR.LT
                    || vr == VR.UT || vr == VR.UC) {
                return true;
            }
        }
        return false;
    }

    // PS3.3 F.5: Specific Character Set is 1C, required if an extended or replacement repertoire is used
    private static void copyCharacterSet(Attributes dataset, Attributes record) {
        String[] scs = dataset.getStrings(Tag.SpecificCharacterSet);
        if (scs != null && scs.length > 0 && !(scs.length == 1 && (scs[0].isBlank() || scs[0].equals("ISO_IR 6")))) {
            record.setValue(Tag.SpecificCharacterSet, VR.CS, dataset.getValue(Tag.SpecificCharacterSet));
        }
    }

    private void copyKey(RecordType type, RecordKey key, Attributes dataset, Attributes record) {
        int tag = key.tag();
        Object value = dataset.getValue(tag);
        boolean empty = !dataset.contains(tag) || value == null
                || value instanceof Sequence s && s.isEmpty()
                || value instanceof byte[] b && b.length == 0
                || !(value instanceof Sequence) && dataset.getString(tag, "").isBlank();
        if (!empty) {
            if (value instanceof Sequence seq) {
                copySequence(tag, seq, record);
            } else {
                record.setValue(tag, dataset.getVR(tag), value);
            }
            return;
        }
        switch (key.type()) {
            case REQUIRED -> {
                String invented = invent(key, dataset);
                if (invented == null) {
                    notes.add(type.code() + ": missing Type 1 key " + Tags.toString(tag) + " (cannot be invented)");
                } else {
                    record.setString(tag, key.vr(), invented);
                    notes.add(type.code() + ": missing Type 1 key " + Tags.toString(tag) + ", wrote \"" + invented + "\"");
                }
            }
            case REQUIRED_EMPTY -> {
                if (key.vr() == VR.SQ) {
                    record.newSequence(tag);
                } else {
                    record.setValue(tag, key.vr(), null);
                }
            }
            case IF_PRESENT -> {
                // 1C/3: absent stays absent
            }
        }
    }

    private static String invent(RecordKey key, Attributes dataset) {
        if (key.tag() == Tag.StudyID) {
            // dcm4chee-cdw's approach: a stable ID derived from the Study Instance UID (SH, <= 16 chars)
            return "S" + hash(dataset.getString(Tag.StudyInstanceUID, "")).substring(0, 15);
        }
        // as DCMTK's dcmmkdir does: a study's date and time from its series, acquisition or content
        int[] alternatives = key.tag() == Tag.StudyDate
                ? new int[] {Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate}
                : key.tag() == Tag.StudyTime ? new int[] {Tag.SeriesTime, Tag.AcquisitionTime, Tag.ContentTime}
                : new int[0];
        for (int tag : alternatives) {
            String v = dataset.getString(tag, "").trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return key.fallback();
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copySequence(int tag, Sequence source, Attributes record) {
        Sequence target = record.newSequence(tag);
        for (Attributes item : source) {
            target.newItem().addAll(item);
        }
    }

    /**
     * PS3.3 F.5.12/F.5.13: the record's Content Sequence (1C) holds only the root's HAS CONCEPT MOD
     * items (e.g. the report's language), not the document content.
     */
    private static void copyConceptModifiers(Attributes dataset, Attributes record) {
        Sequence content = dataset.getSequence(Tag.ContentSequence);
        if (content == null) {
            return;
        }
        Sequence target = null;
        for (Attributes item : content) {
            if ("HAS CONCEPT MOD".equals(item.getString(Tag.RelationshipType, "").trim())) {
                if (target == null) {
                    target = record.newSequence(Tag.ContentSequence);
                }
                target.newItem().addAll(item);
            }
        }
    }
}
