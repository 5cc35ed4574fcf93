package org.strata.dicom.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The value of an SQ element: an ordered list of items, each a nested {@link Attributes} (PS3.5 7.5). */
public final class Sequence implements Iterable<Attributes> {

    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>();
    private boolean undefinedLength = true;

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** The data set holding this sequence (items inherit its Specific Character Set). */
    public Attributes parent() {
        return parent;
    }

    /** Appends a new empty item and returns it. */
    public Attributes newItem() {
        Attributes item = new Attributes(parent);
        items.add(item);
        return item;
    }

    /** Appends an item; it is re-parented to this sequence's data set. */
    public Attributes add(Attributes item) {
        item.setParent(parent);
        items.add(item);
        return item;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Unmodifiable view of the items. */
    public List<Attributes> items() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items().iterator();
    }

    /** Whether the sequence was read (or is to be written) with undefined length (PS3.5 7.5.1). */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }
}
