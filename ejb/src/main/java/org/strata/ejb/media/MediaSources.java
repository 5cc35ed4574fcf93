package org.strata.ejb.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.ejb.store.OnlineStorage;

/** Resolves the studies or instances of a media request to stored objects on the online tier. */
@Stateless
@PermitAll
public class MediaSources {

    /** The instances found, in study/series/instance order, and the requested UIDs not found. */
    public record Resolution(List<MediaSource> sources, List<String> missingInstances, List<String> missingStudies) {
    }

    private static final String SELECT = "SELECT st.studyInstanceUid, i.sopClassUid, i.sopInstanceUid, "
            + "i.transferSyntaxUid, l.objectId, l.sizeBytes FROM Location l JOIN l.instance i JOIN i.series se "
            + "JOIN se.study st WHERE l.storageId = :storage AND ";
    private static final String ORDER = " ORDER BY st.pk, se.pk, i.instanceNumber, i.pk";
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public Resolution resolve(List<String> studies, List<String> instances) {
        Map<String, MediaSource> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(studies)) {
            query("st.studyInstanceUid IN :uids", chunk).forEach(s -> found.putIfAbsent(s.sopInstanceUid(), s));
        }
        for (List<String> chunk : chunks(instances)) {
            query("i.sopInstanceUid IN :uids", chunk).forEach(s -> found.putIfAbsent(s.sopInstanceUid(), s));
        }
        Set<String> foundStudies = new LinkedHashSet<>();
        found.values().forEach(s -> foundStudies.add(s.studyInstanceUid()));
        List<String> missingStudies = studies.stream().filter(u -> !foundStudies.contains(u)).distinct().toList();
        List<String> missingInstances = instances.stream().filter(u -> !found.containsKey(u)).distinct().toList();
        return new Resolution(List.copyOf(found.values()), missingInstances, missingStudies);
    }

    private List<MediaSource> query(String where, List<String> uids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery(SELECT + where + ORDER).setParameter("storage", OnlineStorage.STORAGE_ID)
                .setParameter("uids", uids).getResultList();
        return rows.stream().map(r -> new MediaSource((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue())).toList();
    }

    private static List<List<String>> chunks(List<String> uids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < uids.size(); i += CHUNK) {
            chunks.add(uids.subList(i, Math.min(uids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
