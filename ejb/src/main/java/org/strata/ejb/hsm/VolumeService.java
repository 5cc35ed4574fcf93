package org.strata.ejb.hsm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.strata.hsm.tar.CatalogueEntry;
import org.strata.hsm.tar.TarStorageProvider;

/**
 * The volumes of a tape tier, and their export: an exported volume (taken out of the library)
 * makes the copies on it OFFLINE, and the Instance Availability (0008,0056) of their instances
 * and studies follows (PS3.3 C.4.23.1.1); importing it makes them NEARLINE again.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VolumeService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    TierRegistry registry;

    @EJB
    CopyStore copies;

    @Resource
    SessionContext context;

    /** One volume: its live objects and their bytes, and whether it is exported. */
    public record VolumeStatus(String volume, int objects, long bytes, boolean exported) {
    }

    /** The volumes of a tape tier, oldest first; {@link HsmRequestException} for a tier that is not a tape tier. */
    public List<VolumeStatus> volumes(String tierId) {
        TarStorageProvider tape = tape(tierId);
        return tape.catalogue().volumes().stream().map(v -> status(tierId, tape, v)).toList();
    }

    /** Exports or imports a volume and refreshes the availability of the studies with copies on it; empty if no such volume. */
    public java.util.Optional<VolumeStatus> setExported(String tierId, String volume, boolean exported) {
        TarStorageProvider tape = tape(tierId);
        if (!tape.catalogue().volumes().contains(volume)) {
            return java.util.Optional.empty();
        }
        context.getBusinessObject(VolumeService.class).record(tierId, volume, exported);
        registry.exported(tierId, volume, exported);
        List<String> ids = tape.catalogue().entries(volume).stream().map(CatalogueEntry::id).toList();
        for (String study : copies.studiesOf(tierId, ids)) {
            copies.refreshAvailability(study);
        }
        return java.util.Optional.of(status(tierId, tape, volume));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String tierId, String volume, boolean exported) {
        ExportedVolume row = em.find(ExportedVolume.class, ExportedVolume.key(tierId, volume));
        if (exported && row == null) {
            em.persist(new ExportedVolume(tierId, volume, Instant.now()));
        } else if (!exported && row != null) {
            em.remove(row);
        }
    }

    private VolumeStatus status(String tierId, TarStorageProvider tape, String volume) {
        List<CatalogueEntry> entries = tape.catalogue().entries(volume);
        return new VolumeStatus(volume, entries.size(), entries.stream().mapToLong(CatalogueEntry::size).sum(),
                registry.isExported(tierId, volume));
    }

    private TarStorageProvider tape(String tierId) {
        if (registry.provider(tierId) instanceof TarStorageProvider tape) {
            return tape;
        }
        throw new HsmRequestException("tier " + tierId + " is not a tape (tar:) tier: it has no volumes");
    }
}
