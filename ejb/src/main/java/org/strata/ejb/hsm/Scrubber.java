package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.strata.ejb.hsm.CopyStore.Copy;
import org.strata.hsm.migrate.ObjectCopier;
import org.strata.hsm.spi.StorageProvider;

/**
 * Verifies copies on a tier (read to the end, size and SHA-256 against the recorded ones); a
 * copy that is missing or differs is flagged (logged, reported) and repaired from a copy on
 * another tier that verifies: the bad object is replaced by a verified copy under the same id.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scrubber {

    private static final Logger LOG = Logger.getLogger(Scrubber.class.getName());

    @EJB
    CopyStore copies;

    @EJB
    TierRegistry registry;

    /** What one pass found: object ids of bad copies, of those repaired, and the last location checked. */
    public record Report(String tier, int checked, List<String> bad, List<String> repaired, long lastPk) {
    }

    /** Verifies up to {@code max} copies of the tier after location {@code afterPk}. */
    public Report scrub(String tierId, long afterPk, int max) {
        StorageProvider tier = registry.provider(tierId);
        List<Copy> window = copies.copiesOnTier(tierId, afterPk, max);
        List<String> bad = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        for (Copy c : window) {
            if (good(tier, c)) {
                continue;
            }
            bad.add(c.objectId());
            Optional<Copy> source = goodCopyElsewhere(c);
            if (source.isPresent() && repair(source.get(), tierId, tier)) {
                repaired.add(c.objectId());
                LOG.warning("scrubber: copy " + c.objectId() + " of " + c.sopInstanceUid() + " on tier " + tierId
                        + " was damaged; repaired from tier " + source.get().storageId());
            } else {
                LOG.severe("scrubber: copy " + c.objectId() + " of " + c.sopInstanceUid() + " on tier " + tierId
                        + " is damaged and no good copy is left elsewhere to repair it from");
            }
        }
        long last = window.isEmpty() ? afterPk : window.get(window.size() - 1).locationPk();
        return new Report(tierId, window.size(), bad, repaired, last);
    }

    /** A copy of the same instance on another tier that verifies, if any. */
    public Optional<Copy> goodCopyElsewhere(Copy copy) {
        for (Copy other : copies.copiesOfSameInstance(copy)) {
            if (!other.storageId().equals(copy.storageId()) && other.objectId().equals(copy.objectId())) {
                Optional<StorageProvider> p = registry.find(other.storageId());
                if (p.isPresent() && good(p.get(), other)) {
                    return Optional.of(other);
                }
            }
        }
        return Optional.empty();
    }

    private boolean repair(Copy source, String tierId, StorageProvider tier) {
        try {
            new ObjectCopier(registry.provider(source.storageId()), tier).copy(List.of(source.object()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.severe("scrubber: repairing " + source.objectId() + " on tier " + tierId + " failed: " + e.getMessage());
            return false;
        }
    }

    static boolean good(StorageProvider tier, Copy c) {
        try {
            return ObjectCopier.verifies(tier, c.object());
        } catch (IOException e) {
            return false; // missing or unreadable counts as damaged
        }
    }
}
