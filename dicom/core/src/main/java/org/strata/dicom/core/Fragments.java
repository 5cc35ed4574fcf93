package org.strata.dicom.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by fragment items.
 * Each fragment is held as {@code byte[]} or as a {@link BulkData} reference.
 */
public final class Fragments {

    private final VR vr;
    private final List<Object> fragments = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    /** The VR of the element (OB, PS3.5 A.4). */
    public VR vr() {
        return vr;
    }

    public Fragments add(byte[] fragment) {
        fragments.add(fragment);
        return this;
    }

    public Fragments add(BulkData fragment) {
        fragments.add(fragment);
        return this;
    }

    /** Fragment {@code index} ({@code 0} is the Basic Offset Table): {@code byte[]} or {@link BulkData}. */
    public Object get(int index) {
        return fragments.get(index);
    }

    public int size() {
        return fragments.size();
    }

    /** Unmodifiable view, each element a {@code byte[]} or a {@link BulkData}. */
    public List<Object> list() {
        return Collections.unmodifiableList(fragments);
    }

    /** Length of fragment {@code index} in bytes. */
    public long length(int index) {
        Object f = fragments.get(index);
        return f instanceof BulkData b ? b.length() : ((byte[]) f).length;
    }
}
