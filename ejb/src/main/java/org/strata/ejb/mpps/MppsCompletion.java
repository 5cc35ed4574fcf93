package org.strata.ejb.mpps;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.ejb.entity.Instance;

/**
 * What happens when a procedure step ends: with reason "Incorrect worklist entry selected"
 * (DCM 110514) every stored instance of its performed series is flagged for the administrator,
 * in the caller's transaction; the instances stay (no silent deletion).
 */
@Stateless
public class MppsCompletion {

    private static final Logger LOG = Logger.getLogger(MppsCompletion.class.getName());

    static final String WRONG_ENTRY_REASON = "MPPS DISCONTINUED: incorrect worklist entry selected (DCM 110514)";

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    public void finished(String mppsUid, Attributes mpps, boolean wrongWorklistEntry) {
        if (!wrongWorklistEntry) {
            return;
        }
        List<String> series = new ArrayList<>();
        Sequence ps = mpps.getSequence(Tag.PerformedSeriesSequence);
        if (ps != null) {
            ps.forEach(s -> series.add(s.getString(Tag.SeriesInstanceUID)));
        }
        if (series.isEmpty()) {
            return;
        }
        List<Instance> instances = em.createQuery("SELECT i FROM Instance i JOIN FETCH i.series s"
                + " WHERE s.seriesInstanceUid IN :uids", Instance.class).setParameter("uids", series).getResultList();
        instances.forEach(i -> em.persist(new FlaggedInstance(i.getSopInstanceUid(),
                i.getSeries().getSeriesInstanceUid(), mppsUid, WRONG_ENTRY_REASON)));
        LOG.warning(() -> "MPPS " + mppsUid + " discontinued (incorrect worklist entry): " + instances.size()
                + " instances flagged for review");
    }
}
