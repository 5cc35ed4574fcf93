package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.strata.ejb.entity.Availability;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.tar.CatalogueEntry;
import org.strata.hsm.tar.TarStorageProvider;

/**
 * The retrieve path's access to copies on every tier: which tiers to look on (online first, then
 * other disk tiers, object tiers, tape), the order to read nearline copies in (tape copies by
 * volume and position, so each volume is mounted once per retrieve), and a read of a copy
 * verified before it is sent.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CopyReader {

    private static final Logger LOG = Logger.getLogger(CopyReader.class.getName());

    @EJB
    TierRegistry registry;

    @EJB
    TierService tiers;

    @EJB
    CopyStore copies;

    @EJB
    Scrubber scrubber;

    @EJB
    LocationCache locations;

    /** The configured tiers other than the online one, in the order a retrieve prefers them. */
    public List<String> nearlineTiers() {
        Map<String, Integer> rank = Map.of("file", 0, "s3", 1, "tar", 2);
        return tiers.all().stream().map(Tier::getId).filter(id -> registry.find(id).isPresent())
                .sorted(Comparator.comparing(id -> rank.getOrDefault(registry.find(id).get().scheme(), 3)))
                .toList();
    }

    /** Sorts items of one tier so that tape copies are read volume by volume, in position order. */
    public <T> List<T> readingOrder(String tierId, List<T> items, Function<T, String> objectId) {
        StorageProvider p = registry.provider(tierId);
        if (!(p instanceof TarStorageProvider tape)) {
            return items;
        }
        Comparator<T> byVolume = Comparator.comparing((T t) -> tape.entry(objectId.apply(t))
                .map(CatalogueEntry::volume).orElse(""));
        return items.stream().sorted(byVolume.thenComparingLong(t -> tape.entry(objectId.apply(t))
                .map(CatalogueEntry::dataOffset).orElse(0L))).toList();
    }

    /**
     * Opens a copy for sending, verified first (read to the end against its recorded size and
     * SHA-256): a damaged copy is never sent; the instance is sent from a good copy on another
     * tier instead (the scrubber repairs the damaged one).
     */
    public InputStream open(String tierId, String objectId) throws IOException {
        CopyStore.Copy copy = copies.cachedCopyOf(tierId, objectId);
        if (copy == null) {
            throw new NoSuchFileException(objectId, null, "no recorded copy on tier " + tierId);
        }
        if (registry.availabilityOf(tierId, objectId) == Availability.OFFLINE) {
            CopyStore.Copy elsewhere = copies.copiesOfSameInstance(copy).stream()
                    .filter(c -> registry.availabilityOf(c.storageId(), c.objectId()) != Availability.OFFLINE)
                    .findFirst().orElseThrow(() -> new IOException("copy " + objectId + " on tier " + tierId
                            + " is on an exported volume (OFFLINE): import the volume first"));
            return open(elsewhere.storageId(), elsewhere.objectId());
        }
        CopyStore.Copy good = copy;
        if (!Scrubber.good(registry.provider(tierId), copy)) {
            locations.invalidate(tierId, objectId); // perhaps stale: released meanwhile by another node
            CopyStore.Copy recorded = copies.copyOf(tierId, objectId);
            if (recorded == null) {
                throw new NoSuchFileException(objectId, null, "no recorded copy on tier " + tierId);
            }
            if (recorded.equals(copy) || !Scrubber.good(registry.provider(tierId), recorded)) {
                good = scrubber.goodCopyElsewhere(recorded).orElseThrow(() -> new IOException("copy " + objectId
                        + " on tier " + tierId + " is damaged and no good copy is left on another tier"));
                LOG.warning("copy " + objectId + " on tier " + tierId + " is damaged; sending the copy on tier "
                        + good.storageId());
            } else {
                good = recorded;
            }
        }
        // verified just above: read it plainly, a second digest over the same bytes proves nothing more
        return registry.provider(good.storageId()).read(good.object().id());
    }
}
