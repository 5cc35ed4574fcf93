package org.strata.jca.api;

import java.time.Instant;

/**
 * Administered object of the DICOM resource adapter, bound at {@link #JNDI_NAME}: lets the
 * archive and the console see whether the adapter runs.
 */
public interface AdapterStatus {

    String JNDI_NAME = "java:global/strata/AdapterStatus";

    /** True between the adapter's {@code start} and {@code stop}. */
    boolean isActive();

    /** When the adapter was started, or null if it never was. */
    Instant startedAt();
}
