package org.strata.hsm.file;

/**
 * What a root of a disk tier may be used for. Our definitions (a design choice):
 * {@link #READ_ONLY} is for media that must not change (e.g. a WORM or a mirror being checked):
 * readable, never written, nothing deleted. {@link #RETIRED} is for a file system being drained:
 * readable and deletable (the migration moves objects off it), never written.
 */
public enum RootState {
    READ_WRITE(true, true),
    READ_ONLY(false, false),
    RETIRED(false, true);

    private final boolean writable;
    private final boolean deletable;

    RootState(boolean writable, boolean deletable) {
        this.writable = writable;
        this.deletable = deletable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean deletable() {
        return deletable;
    }
}
