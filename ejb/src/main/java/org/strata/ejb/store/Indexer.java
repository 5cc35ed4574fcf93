package org.strata.ejb.store;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.ejb.entity.Instance;
import org.strata.ejb.entity.Location;
import org.strata.ejb.entity.Patient;
import org.strata.ejb.entity.Series;
import org.strata.ejb.entity.Study;

/**
 * Indexes durable instances in ONE transaction: for each, patient, study, series, instance and
 * its location, with the related counts. Runs only after the objects are committed on the tier;
 * a batch of the group commit ({@link CommitCoordinator}) is one call. Patient, study and series
 * rows are read without a lock (the group commit runs one batch at a time on this server), their
 * cached entities refreshed from the row, and each update is checked against the row's
 * {@code @Version} at commit: when another writer of the same database (another server, the
 * storage manager) changed a row in between, the batch rolls back and the coordinator indexes
 * its instances again one per transaction, from fresh rows. The stored header (without bulk data) is kept on the
 * instance; a patient, study or series keeps the header of the instance that created it or last
 * changed its indexed columns.
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

    /** One instance to index and what to do when its SOP Instance UID is stored already. */
    public record Item(Received received, DuplicatePolicy policy) {
    }

    /** Indexes every item in one transaction; one result per item, in order. */
    public List<IndexResult> index(List<Item> items) {
        em.setFlushMode(FlushModeType.COMMIT); // the batch keeps its own new rows in Batch
        Batch batch = new Batch(items);
        List<IndexResult> results = new ArrayList<>(items.size());
        for (Item item : items) {
            results.add(index(item.received(), item.policy(), batch));
        }
        return results;
    }

    /** What this transaction has already found or created, by key. */
    private final class Batch {
        final Map<String, Instance> instances = new HashMap<>();
        final Map<Instance, List<Location>> newLocations = new HashMap<>();
        final Map<String, Patient> patients = new HashMap<>();
        final Map<String, Study> studies = new HashMap<>();
        final Map<String, Series> series = new HashMap<>();

        Batch(List<Item> items) {
            List<String> uids = items.stream().map(i -> i.received().header().sopInstanceUid()).distinct().toList();
            // one instance (the usual batch of one association): the named query, prepared once;
            // EclipseLink prepares a query with a list parameter anew at every execution
            List<Instance> stored = uids.size() == 1
                    ? em.createNamedQuery(Instance.FIND_BY_UID, Instance.class).setParameter("uid", uids.get(0))
                            .getResultList()
                    : em.createQuery("SELECT i FROM Instance i WHERE i.sopInstanceUid IN :uids", Instance.class)
                            .setParameter("uids", uids).getResultList();
            for (Instance i : stored) {
                instances.put(i.getSopInstanceUid(), i);
            }
        }
    }

    private IndexResult index(Received r, DuplicatePolicy policy, Batch batch) {
        InstanceHeader h = r.header();
        Instance existing = batch.instances.get(h.sopInstanceUid());
        if (existing != null) {
            return duplicate(existing, r, policy, batch);
        }
        Patient patient = patient(h, r.attributes(), batch);
        Study study = batch.studies.computeIfAbsent(h.studyInstanceUid(), uid -> single(em.createNamedQuery(
                Study.FRESH_BY_UID, Study.class).setParameter("uid", uid).getResultList()));
        if (study == null) {
            study = new Study(patient, h.studyInstanceUid(), r.receivedAt());
            em.persist(study);
            batch.studies.put(h.studyInstanceUid(), study);
            patient.addStudies(1);
            study.update(h.study(), r.attributes());
        } else if (!study.columns().equals(h.study())) {
            study.update(h.study(), r.attributes());
        }
        Series series = batch.series.computeIfAbsent(h.seriesInstanceUid(), uid -> single(em.createNamedQuery(
                Series.FRESH_BY_UID, Series.class).setParameter("uid", uid).getResultList()));
        boolean newSeries = series == null;
        if (newSeries) {
            series = new Series(study, h.seriesInstanceUid());
            em.persist(series);
            batch.series.put(h.seriesInstanceUid(), series);
            series.update(h.series(), r.attributes());
        } else if (!series.columns().equals(h.series())) {
            series.update(h.series(), r.attributes());
        }
        Instance instance = new Instance(series, h.sopInstanceUid(), h.sopClassUid(), r.transferSyntaxUid(),
                h.instanceNumber(), r.receivedAt(), r.attributes());
        em.persist(instance);
        batch.instances.put(h.sopInstanceUid(), instance);
        Location location = location(instance, r);
        em.persist(location);
        batch.newLocations.computeIfAbsent(instance, i -> new ArrayList<>()).add(location);
        series.addInstance();
        study.addInstance(newSeries, h.series().modality(), r.size(), r.receivedAt());
        return IndexResult.stored();
    }

    private IndexResult duplicate(Instance existing, Received r, DuplicatePolicy policy, Batch batch) {
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
        List<Location> old = batch.newLocations.remove(existing);
        if (old == null) {
            old = em.createNamedQuery(Location.FIND_BY_INSTANCE, Location.class)
                    .setParameter("instance", existing).getResultList();
        }
        for (Location l : old) {
            obsolete.add(l.getObjectId());
            em.remove(l);
        }
        Location location = location(existing, r);
        em.persist(location);
        batch.newLocations.computeIfAbsent(existing, i -> new ArrayList<>()).add(location);
        existing.replaceAttributes(r.transferSyntaxUid(), r.attributes());
        return IndexResult.replaced(obsolete);
    }

    private Patient patient(InstanceHeader h, byte[] attributes, Batch batch) {
        String key = h.patientId().isEmpty() ? "\0" + h.issuerOfPatientId() + "\0" + h.patientName()
                : h.patientId() + "\0" + h.issuerOfPatientId();
        Patient patient = batch.patients.computeIfAbsent(key, k -> h.patientId().isEmpty()
                ? single(em.createNamedQuery(Patient.FIND_WITHOUT_ID_BY_NAME, Patient.class)
                        .setParameter("issuer", h.issuerOfPatientId())
                        .setParameter("name", h.patientName()).getResultList())
                : single(em.createNamedQuery(Patient.FIND_BY_ID, Patient.class)
                        .setParameter("patientId", h.patientId()).setParameter("issuer", h.issuerOfPatientId())
                        .getResultList()));
        if (patient == null) {
            patient = new Patient(h.patientId(), h.issuerOfPatientId(), h.patientName());
            em.persist(patient);
            batch.patients.put(key, patient);
            patient.update(h.patientName(), h.patientBirthDate(), h.patientSex(), attributes);
        } else if (!patient.hasDemographics(h.patientName(), h.patientBirthDate(), h.patientSex())) {
            patient.update(h.patientName(), h.patientBirthDate(), h.patientSex(), attributes);
        }
        return patient;
    }

    private static Location location(Instance instance, Received r) {
        return new Location(instance, r.storageId(), r.objectId(), r.size(), r.digest(), r.receivedAt());
    }

    private static <T> T single(List<T> results) {
        return results.isEmpty() ? null : results.get(0);
    }
}
