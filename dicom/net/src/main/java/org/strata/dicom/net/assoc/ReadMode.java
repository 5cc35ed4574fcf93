package org.strata.dicom.net.assoc;

/** Who reads the PDUs of an established requestor association. */
public enum ReadMode {
    /**
     * A {@link org.strata.dicom.net.NetRuntime} thread reads all the time and hands each response to
     * the thread waiting for it: any use, asynchronous operations and idle timeout included.
     */
    THREAD,
    /**
     * The thread that waits for a response reads it itself ({@link Association#readUntil}), as
     * DCMTK's single-threaded storescu does: no hand-over and no second wake-up per response, for a
     * caller that only makes blocking calls (asynchronous operations window 1). Nothing is read while
     * no call waits: a peer's A-ABORT or A-RELEASE-RQ is seen at the next call.
     */
    CALLER
}
