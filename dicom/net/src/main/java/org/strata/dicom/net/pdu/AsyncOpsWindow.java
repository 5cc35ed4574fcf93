package org.strata.dicom.net.pdu;

/**
 * Asynchronous Operations Window sub-item (PS3.7 D.3.3.3). 0 means unlimited; 1/1 is the default
 * when the item is absent.
 */
public record AsyncOpsWindow(int maxInvoked, int maxPerformed) {

    public static final AsyncOpsWindow SYNCHRONOUS = new AsyncOpsWindow(1, 1);
}
