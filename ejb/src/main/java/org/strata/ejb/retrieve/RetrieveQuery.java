package org.strata.ejb.retrieve;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.strata.dicom.core.Attributes;
import org.strata.ejb.hsm.AccessRecorder;
import org.strata.ejb.hsm.CopyReader;
import org.strata.ejb.query.Jpql;
import org.strata.ejb.query.QueryBuilder;
import org.strata.ejb.query.QueryLevel;
import org.strata.ejb.store.OnlineStorage;

/** Resolves a C-MOVE/C-GET identifier to the instances to send (UIDs only, never pixel data). */
@Stateless
@PermitAll
public class RetrieveQuery {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    CopyReader copies;

    @EJB
    AccessRecorder access;

    /**
     * The instances to send, each from its best copy: online when there is one, else from the
     * first other tier holding it (disk, object, tape), tape copies in volume order.
     */
    public List<RetrieveItem> items(QueryLevel level, Attributes identifier) {
        List<RetrieveItem> items = new ArrayList<>(items(level, identifier, OnlineStorage.STORAGE_ID));
        Set<String> found = new HashSet<>();
        items.forEach(i -> found.add(i.sopInstanceUid()));
        for (String tier : copies.nearlineTiers()) {
            List<RetrieveItem> more = items(level, identifier, tier).stream()
                    .filter(i -> found.add(i.sopInstanceUid())).toList();
            items.addAll(copies.readingOrder(tier, more, RetrieveItem::objectId));
        }
        if (!items.isEmpty()) {
            access.retrieved(items.stream().map(RetrieveItem::sopInstanceUid).toList()); // last access, for the rules
        }
        return items;
    }

    private List<RetrieveItem> items(QueryLevel level, Attributes identifier, String storageId) {
        Jpql jpql = QueryBuilder.retrieve(level, identifier, storageId);
        Query query = em.createQuery(jpql.query());
        jpql.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new RetrieveItem((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                storageId)).toList();
    }
}
