package org.strata.hsm.tar;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What is on which volume. The tape tier records a batch only after its bytes are forced to
 * the volume, so the catalogue never names bytes that may be lost; whatever lies on a volume
 * past {@link #committedEnd(String)} is a torn tail and is cut off at the next mount.
 *
 * <p>Implementations: {@link CatalogueFile} (a file beside the volumes) and
 * {@link InMemoryCatalogue} (tests). The archive will keep it in its database later.
 * Implementations are thread-safe; every mutating call is durable when it returns.
 */
public interface VolumeCatalogue extends Closeable {

    /** Volume names in the order they were added; the last is the one being appended to. */
    List<String> volumes();

    /** Adds a new, empty volume. */
    void addVolume(String volume) throws IOException;

    /**
     * Records a batch of entries, all or nothing: after a crash either every entry of the batch
     * is recorded or none.
     */
    void addAll(List<CatalogueEntry> batch) throws IOException;

    Optional<CatalogueEntry> find(String id);

    /** Forgets an object; its bytes stay on the volume until the volume is repacked. */
    void remove(String id) throws IOException;

    /** End of the last recorded entry of the volume (0 when none), removed entries included. */
    long committedEnd(String volume);

    /** The live entries of a volume, in volume order. */
    List<CatalogueEntry> entries(String volume);

    @Override
    default void close() throws IOException {
    }
}
