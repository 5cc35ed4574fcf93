package org.strata.web.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strata.ejb.entity.Series;
import org.strata.ejb.entity.Study;

/** Read-only study and series lists for the console's study search. */
@Stateless
@PermitAll
public class StudySearch {

    /** At most this many studies are listed per search. */
    public static final int MAX_RESULTS = 200;

    /** What to search by; blank fields match everything. Names and IDs take {@code *} wildcards. */
    public record Criteria(String patientName, String patientId, String studyDate, String modality) {
    }

    /** One study of the result list. */
    public record StudyRow(String studyInstanceUid, String patientName, String patientId, String studyDate,
                           String accessionNumber, String modalities, int series, int instances, long sizeBytes,
                           String availability) {
    }

    /** One series of a study. */
    public record SeriesRow(String seriesInstanceUid, Integer seriesNumber, String modality, String sourceAet,
                            int instances) {
    }

    // the unit lives in the EJB module: a WAR finds it only by its path in the EAR
    @PersistenceContext(unitName = "../ejb.jar#strata")
    EntityManager em;

    public List<StudyRow> search(Criteria c) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM Study s JOIN s.patient p WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (present(c.patientName())) {
            jpql.append(" AND p.patientNameUpper LIKE :name");
            params.put("name", "%" + like(c.patientName().toUpperCase(Locale.ROOT)) + "%");
        }
        if (present(c.patientId())) {
            jpql.append(" AND p.patientId LIKE :pid");
            params.put("pid", like(c.patientId()));
        }
        if (present(c.studyDate())) {
            String[] range = c.studyDate().strip().replace("-", "").split("\\s*(to|/)\\s*");
            if (range.length == 1) {
                jpql.append(" AND s.studyDate = :date");
                params.put("date", date(range[0]));
            } else {
                jpql.append(" AND s.studyDate BETWEEN :from AND :to");
                params.put("from", date(range[0]));
                params.put("to", date(range[1]));
            }
        }
        if (present(c.modality())) {
            jpql.append(" AND s.modalitiesInStudy LIKE :modality");
            params.put("modality", "%" + c.modality().strip().toUpperCase(Locale.ROOT) + "%");
        }
        jpql.append(" ORDER BY s.studyDate DESC, s.pk DESC");
        TypedQuery<Study> q = em.createQuery(jpql.toString(), Study.class).setMaxResults(MAX_RESULTS);
        params.forEach(q::setParameter);
        List<StudyRow> rows = new ArrayList<>();
        for (Study s : q.getResultList()) {
            if (present(c.modality()) && !hasModality(s.getModalitiesInStudy(), c.modality())) {
                continue;
            }
            rows.add(new StudyRow(s.getStudyInstanceUid(), s.getPatient().getPatientName(), s.getPatient().getPatientId(),
                    s.getStudyDate(), s.getAccessionNumber(), s.getModalitiesInStudy(), s.getNumberOfSeries(),
                    s.getNumberOfInstances(), s.getSizeBytes(), s.getAvailability().name()));
        }
        return rows;
    }

    public List<SeriesRow> series(String studyInstanceUid) {
        return em.createQuery("SELECT se FROM Series se WHERE se.study.studyInstanceUid = :uid"
                        + " ORDER BY se.seriesNumber, se.pk", Series.class)
                .setParameter("uid", studyInstanceUid).getResultStream()
                .map(se -> new SeriesRow(se.getSeriesInstanceUid(), se.getSeriesNumber(), se.getModality(),
                        se.getSourceAet(), se.getNumberOfInstances())).toList();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** DICOM-style {@code *} and {@code ?} wildcards as JPQL LIKE patterns. */
    private static String like(String s) {
        return s.strip().replace('*', '%').replace('?', '_');
    }

    private static String date(String s) {
        if (!s.matches("\\d{8}")) {
            throw new IllegalArgumentException("study date must be YYYYMMDD, YYYY-MM-DD or a range FROM to TO, not " + s);
        }
        return s;
    }

    /** Modalities in Study (0008,0061) is stored backslash-separated. */
    private static boolean hasModality(String modalities, String wanted) {
        return modalities != null && Arrays.asList(modalities.split("\\\\")).contains(wanted.strip().toUpperCase(Locale.ROOT));
    }
}
