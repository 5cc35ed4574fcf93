package org.strata.ejb.retrieve;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import org.strata.dicom.core.Attributes;
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

    public List<RetrieveItem> items(QueryLevel level, Attributes identifier) {
        Jpql jpql = QueryBuilder.retrieve(level, identifier, OnlineStorage.STORAGE_ID);
        Query query = em.createQuery(jpql.query());
        jpql.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new RetrieveItem((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }
}
