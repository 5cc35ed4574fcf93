package org.strata.dicom.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

import org.strata.dicom.core.charset.SpecificCharacterSet;

/**
 * A data set (PS3.5 7): elements kept sorted by tag in parallel arrays, found by binary search.
 * A value is held as read ({@code byte[]}, little endian for binary VRs, in the data set's
 * character set for text) and decoded only when asked for; other value forms are
 * {@code String}/{@code String[]}, {@link Sequence}, {@link Fragments}, {@link BulkData} or
 * {@code null} (empty value). An item of a sequence knows its parent so that it inherits the
 * Specific Character Set (PS3.5 6.1.2.1, PS3.3 C.12.1.1.2).
 */
public final class Attributes {

    private static final String[] NO_STRINGS = {};

    private Attributes parent;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private SpecificCharacterSet charset;
    private boolean undefinedItemLength = true;

    public Attributes() {
        this(null, 16);
    }

    public Attributes(int capacity) {
        this(null, capacity);
    }

    Attributes(Attributes parent) {
        this(parent, 8);
    }

    private Attributes(Attributes parent, int capacity) {
        this.parent = parent;
        this.tags = new int[Math.max(capacity, 1)];
        this.vrs = new VR[tags.length];
        this.values = new Object[tags.length];
    }

    /** The data set holding the sequence this item belongs to, or {@code null} at top level. */
    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    /** Index of {@code tag}, or {@code -(insertion point) - 1}. */
    public int indexOf(int tag) {
        // compare as unsigned: (FFFE,xxxx) and private groups above 7FFF sort last (PS3.5 7.1)
        int low = 0;
        int high = size - 1;
        if (high >= 0 && Integer.compareUnsigned(tags[high], tag) < 0) {
            return -size - 1;
        }
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The VR of {@code tag}, or {@code null} if absent. */
    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** The raw value of {@code tag} (see class comment), or {@code null}. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /** Sets an element; {@code value} is one of the forms listed in the class comment. */
    public Attributes setValue(int tag, VR vr, Object value) {
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
        } else {
            insert(-i - 1, tag, vr, value);
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return this;
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int capacity = size * 2;
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(vrs, at, vrs, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    /** Removes {@code tag}; returns whether it was present. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return true;
    }

    public Attributes setString(int tag, VR vr, String... values) {
        return setValue(tag, vr, values.length == 0 ? null : values.length == 1 ? values[0] : values.clone());
    }

    /** Sets integer values of a binary VR (US, SS, UL, SL, SV, UV, AT) or of IS/DS. */
    public Attributes setInt(int tag, VR vr, long... values) {
        if (vr.isText()) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
        }
        return setValue(tag, vr, ValueCodec.fromLongs(vr, values));
    }

    public Attributes setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(Double::toString).toArray(String[]::new));
        }
        return setValue(tag, vr, ValueCodec.fromDoubles(vr, values));
    }

    /** Sets raw bytes (binary VRs little endian; text in this data set's character set). */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return setValue(tag, vr, value);
    }

    /** Creates (replacing any old value) an empty sequence for {@code tag}. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this);
        setValue(tag, VR.SQ, seq);
        return seq;
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    /** The value bytes, or {@code null} if absent or not held as bytes. */
    public byte[] getBytes(int tag) {
        return getValue(tag) instanceof byte[] b ? b : null;
    }

    /** All values as strings (text decoded with the character set; numbers formatted). */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? NO_STRINGS : stringsAt(i);
    }

    /** The values of element {@code index} as strings. */
    public String[] stringsAt(int index) {
        Object v = values[index];
        VR vr = vrs[index];
        if (v instanceof String s) {
            return ValueCodec.split(s, vr);
        }
        if (v instanceof String[] s) {
            return s.clone();
        }
        if (v instanceof byte[] b) {
            if (vr.isText()) {
                String decoded = vr.usesSpecificCharacterSet()
                        ? specificCharacterSet().decode(b, vr) : SpecificCharacterSet.DEFAULT.decode(b, vr);
                return ValueCodec.split(decoded, vr);
            }
            return ValueCodec.strings(b, vr);
        }
        return NO_STRINGS;
    }

    /** The first value as a string, or {@code null}. */
    public String getString(int tag) {
        String[] s = getStrings(tag);
        return s.length == 0 ? null : s[0];
    }

    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /** The first value as int (binary integers, IS or DS), or {@code defaultValue}. */
    public int getInt(int tag, int defaultValue) {
        int[] v = getInts(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new int[0];
        }
        if (values[i] instanceof byte[] b && !vrs[i].isText()) {
            int[] r = new int[ValueCodec.count(b, vrs[i])];
            for (int k = 0; k < r.length; k++) {
                r[k] = (int) ValueCodec.longAt(b, vrs[i], k);
            }
            return r;
        }
        return Arrays.stream(stringsAt(i)).filter(s -> !s.isEmpty())
                .mapToInt(s -> (int) Math.round(Double.parseDouble(s))).toArray();
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new double[0];
        }
        if (values[i] instanceof byte[] b && !vrs[i].isText()) {
            double[] r = new double[ValueCodec.count(b, vrs[i])];
            for (int k = 0; k < r.length; k++) {
                r[k] = ValueCodec.doubleAt(b, vrs[i], k);
            }
            return r;
        }
        return Arrays.stream(stringsAt(i)).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseDate(s);
    }

    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseTime(s);
    }

    public LocalDateTime getDateTime(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseDateTime(s);
    }

    /** A date and a time element combined, e.g. StudyDate + StudyTime. */
    public LocalDateTime getDateTime(int dateTag, int timeTag) {
        LocalDate date = getDate(dateTag);
        LocalTime time = getTime(timeTag);
        return date == null ? null : date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /** The first PN value, split into component groups (PS3.5 6.2.1). */
    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    /** The creator of the private block holding {@code tag} (PS3.5 7.8.1), or {@code null}. */
    public String getPrivateCreator(int tag) {
        int creator = Tags.privateCreatorOf(tag);
        return creator == 0 ? null : getString(creator);
    }

    /**
     * The tag of private element {@code offset} (00-FF) of {@code creator}'s block in
     * {@code group}, or -1 if no block of that creator is reserved (PS3.5 7.8.1).
     */
    public int privateTag(String creator, int group, int offset) {
        for (int e = 0x10; e <= 0xFF; e++) {
            if (creator.equals(getString(Tags.of(group, e)))) {
                return Tags.of(group, e << 8 | (offset & 0xFF));
            }
        }
        return -1;
    }

    /** The character set in effect here: own (0008,0005) or inherited (PS3.5 6.1.2.1). */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0) {
                charset = SpecificCharacterSet.of(stringsWithDefaultCharset(i));
            } else {
                charset = parent == null ? SpecificCharacterSet.DEFAULT : parent.specificCharacterSet();
            }
        }
        return charset;
    }

    private String[] stringsWithDefaultCharset(int i) {
        Object v = values[i];
        if (v instanceof byte[] b) {
            // the terms themselves are in the default repertoire; value 1 may be empty (PS3.3 C.12.1.1.2)
            String s = SpecificCharacterSet.DEFAULT.decode(b, VR.CS);
            return s.isEmpty() ? NO_STRINGS : s.split("\\\\", -1);
        }
        return stringsAt(i);
    }

    /** Whether an item is to be written with undefined length (as read; PS3.5 7.5.1). */
    public boolean undefinedItemLength() {
        return undefinedItemLength;
    }

    public void setUndefinedItemLength(boolean undefinedItemLength) {
        this.undefinedItemLength = undefinedItemLength;
    }

    /** Copies all elements of {@code other} into this data set (values shared, not deep-copied). */
    public Attributes addAll(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            setValue(other.tags[i], other.vrs[i], other.values[i]);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Attributes[" + size + " elements]";
    }
}
