package org.strata.ejb.store;

/** What a C-STORE of an already stored SOP Instance UID does. */
public enum DuplicatePolicy {
    /** Replace the stored copy (the default, as SonicDICOM's conformance statement promises). */
    OVERWRITE,
    /** Keep the stored copy and answer success. */
    IGNORE,
    /** Keep the stored copy and refuse the new one with an error status. */
    REJECT
}
