package org.strata.ejb.store;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.strata.ejb.entity.Instance;
import org.strata.ejb.entity.Location;
import org.strata.ejb.entity.Patient;
import org.strata.ejb.entity.Series;
import org.strata.ejb.entity.Study;

/**
 * Indexes one durable instance in ONE transaction: patient, study, series, instance and its
 * location, with the related counts. Runs only after the object is committed on the tier.
 * Patient, study and series rows are read with a write lock, always in that order: instances of
 * one study arriving on several associations at once update the counts one after the other
 * (optimistic locking alone failed most of them under load), and no two transactions can wait
 * for each other's locks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Indexer {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /** A received instance: its header, where its bytes are, and the header blob to keep. */
    public record Received(InstanceHeader header, String transferSyntaxUid, String storageId, String objectId,
                           long size, String digest, byte[] attributes, Instant receivedAt) {
    }

    public IndexResult index(Received r, DuplicatePolicy policy) {
        InstanceHeader h = r.header();
        Instance existing = single(em.createNamedQuery(Instance.FIND_BY_UID, Instance.class)
                .setParameter("uid", h.sopInstanceUid()).getResultList());
        if (existing != null) {
            return duplicate(existing, r, policy);
        }
        Patient patient = patient(h, r.attributes());
        Study study = single(em.createNamedQuery(Study.FIND_BY_UID, Study.class)
                .setParameter("uid", h.studyInstanceUid()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        if (study == null) {
            study = new Study(patient, h.studyInstanceUid(), r.receivedAt());
            em.persist(study);
            patient.addStudies(1);
        }
        study.update(h.study(), r.attributes());
        Series series = single(em.createNamedQuery(Series.FIND_BY_UID, Series.class)
                .setParameter("uid", h.seriesInstanceUid()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        boolean newSeries = series == null;
        if (newSeries) {
            series = new Series(study, h.seriesInstanceUid());
            em.persist(series);
        }
        series.update(h.series(), r.attributes());
        Instance instance = new Instance(series, h.sopInstanceUid(), h.sopClassUid(), r.transferSyntaxUid(),
                h.instanceNumber(), r.receivedAt(), r.attributes());
        em.persist(instance);
        em.persist(location(instance, r));
        series.addInstance();
        study.addInstance(newSeries, h.series().modality(), r.size(), r.receivedAt());
        return IndexResult.stored();
    }

    private IndexResult duplicate(Instance existing, Received r, DuplicatePolicy policy) {
        switch (policy) {
            case IGNORE:
                return IndexResult.ignored();
            case REJECT:
                return IndexResult.refused("duplicate SOP Instance UID (policy REJECT)");
            default:
                break;
        }
        if (!existing.getSeries().getSeriesInstanceUid().equals(r.header().seriesInstanceUid())) {
            return IndexResult.refused("SOP Instance UID already stored in another series");
        }
        List<String> obsolete = new ArrayList<>();
        for (Location old : em.createNamedQuery(Location.FIND_BY_INSTANCE, Location.class)
                .setParameter("instance", existing).getResultList()) {
            obsolete.add(old.getObjectId());
            em.remove(old);
        }
        em.persist(location(existing, r));
        existing.replaceAttributes(r.transferSyntaxUid(), r.attributes());
        return IndexResult.replaced(obsolete);
    }

    private Patient patient(InstanceHeader h, byte[] attributes) {
        Patient patient = h.patientId().isEmpty()
                ? single(em.createNamedQuery(Patient.FIND_WITHOUT_ID_BY_NAME, Patient.class)
                        .setParameter("issuer", h.issuerOfPatientId())
                        .setParameter("name", h.patientName()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList())
                : single(em.createNamedQuery(Patient.FIND_BY_ID, Patient.class)
                        .setParameter("patientId", h.patientId()).setParameter("issuer", h.issuerOfPatientId())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        if (patient == null) {
            patient = new Patient(h.patientId(), h.issuerOfPatientId(), h.patientName());
            em.persist(patient);
        }
        patient.update(h.patientName(), h.patientBirthDate(), h.patientSex(), attributes);
        return patient;
    }

    private static Location location(Instance instance, Received r) {
        return new Location(instance, r.storageId(), r.objectId(), r.size(), r.digest(), r.receivedAt());
    }

    private static <T> T single(List<T> results) {
        return results.isEmpty() ? null : results.get(0);
    }
}
