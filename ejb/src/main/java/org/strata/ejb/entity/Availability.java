package org.strata.ejb.entity;

/** Instance Availability (0008,0056), PS3.3 C.4.23.1.1: follows where the copies are. */
public enum Availability {
    /** A copy is on the online (disk) tier. */
    ONLINE,
    /** Only on object or tape tiers: retrievable after a recall. */
    NEARLINE,
    /** The only copies are on exported volumes. */
    OFFLINE,
    /** No copy can be retrieved. */
    UNAVAILABLE
}
