package org.strata.ejb.ian;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.entity.Instance;
import org.strata.ejb.outbound.OutboundQueue;
import org.strata.jca.api.NOperation;

/**
 * Instance Availability Notification SCU (PS3.4 R): builds the IAN of a study (PS3.3 C.4.23,
 * every stored instance with its Instance Availability and Retrieve AE Title) and queues one
 * N-CREATE per subscribed AE (setting {@code ian.subscribers}), in the caller's transaction.
 */
@Stateless
public class IanService {

    private static final Logger LOG = Logger.getLogger(IanService.class.getName());

    public static final String SUBSCRIBERS = "ian.subscribers";
    /** Seconds without a new instance after which a study is notified (default 60). */
    public static final String IDLE_SECONDS = "ian.idle-seconds";
    public static final String PURPOSE = "IAN";

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @EJB
    OutboundQueue outbound;

    @EJB
    SettingsService settings;

    public List<String> subscribers() {
        return outbound.aeTitles(SUBSCRIBERS);
    }

    public Duration idle() {
        return Duration.ofSeconds(settings.get(IDLE_SECONDS).map(String::trim).map(Long::parseLong).orElse(60L));
    }

    /**
     * Queues the IAN of a study for every subscriber.
     *
     * @param mpps the SOP Instance UID of the MPPS that completed the study, or null
     * @return the number of instances notified (0: nothing stored, nothing queued)
     */
    public int notifyStudy(String studyInstanceUid, String mpps) {
        List<String> to = subscribers();
        if (to.isEmpty()) {
            return 0;
        }
        List<Instance> instances = em.createQuery("SELECT i FROM Instance i JOIN FETCH i.series s JOIN s.study st"
                + " WHERE st.studyInstanceUid = :uid ORDER BY s.pk, i.pk", Instance.class)
                .setParameter("uid", studyInstanceUid).getResultList();
        if (instances.isEmpty()) {
            return 0;
        }
        Attributes ian = notification(studyInstanceUid, mpps, instances);
        String uid = org.strata.dicom.core.Uids.random();
        to.forEach(aet -> outbound.enqueue(PURPOSE, aet, NOperation.N_CREATE, UID.InstanceAvailabilityNotification,
                uid, ian));
        IanNotified n = em.find(IanNotified.class, studyInstanceUid);
        if (n == null) {
            n = new IanNotified(studyInstanceUid);
            em.persist(n);
        }
        n.notified(Instant.now(), instances.size());
        LOG.info(() -> "IAN " + uid + " of study " + studyInstanceUid + " (" + instances.size() + " instances) queued for "
                + to);
        return instances.size();
    }

    /** PS3.3 C.4.23 Instance Availability Notification Module. */
    static Attributes notification(String studyInstanceUid, String mpps, List<Instance> instances) {
        Attributes ds = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Sequence pps = ds.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        if (mpps != null) {
            pps.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, UID.ModalityPerformedProcedureStep)
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, mpps);
        }
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid);
        Sequence seriesSeq = ds.newSequence(Tag.ReferencedSeriesSequence);
        Map<String, Sequence> bySeries = new LinkedHashMap<>();
        String aet = OutboundQueue.ourAeTitle();
        for (Instance i : instances) {
            Sequence refs = bySeries.computeIfAbsent(i.getSeries().getSeriesInstanceUid(), s -> seriesSeq.newItem()
                    .setString(Tag.SeriesInstanceUID, VR.UI, s).newSequence(Tag.ReferencedSOPSequence));
            refs.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, i.getSopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, i.getSopInstanceUid())
                    .setString(Tag.InstanceAvailability, VR.CS, i.getAvailability().name())
                    .setString(Tag.RetrieveAETitle, VR.AE, aet);
        }
        return ds;
    }

    /**
     * Studies whose last instance arrived more than the idle time ago (but within a day of it) and
     * that received instances since they were last notified.
     */
    public List<String> idleStudies() {
        Instant cutoff = Instant.now().minus(idle());
        // the bound is on the column (typed), not in HAVING: EclipseLink binds an Instant there as bytes
        List<Object[]> rows = em.createQuery("SELECT st.studyInstanceUid, MAX(i.receivedAt) FROM Instance i"
                + " JOIN i.series s JOIN s.study st WHERE i.receivedAt > :since GROUP BY st.studyInstanceUid",
                Object[].class).setParameter("since", cutoff.minus(Duration.ofDays(1))).getResultList();
        return rows.stream().filter(r -> !instant(r[1]).isAfter(cutoff)).filter(r -> {
            IanNotified n = em.find(IanNotified.class, (String) r[0]);
            return n == null || n.getNotifiedAt().isBefore(instant(r[1]));
        }).map(r -> (String) r[0]).toList();
    }


    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
