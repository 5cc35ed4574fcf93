package org.strata.ejb.query;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.entity.Instance;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.QueryRequest;
import org.strata.jca.api.QueryResponses;

/**
 * C-FIND SCP (PS3.4 C.4.1.3.1): the identifier becomes one query at its level; matches stream
 * to the requestor as pending responses while the rows arrive, and a C-CANCEL stops the search.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class FindService {

    private static final Logger LOG = Logger.getLogger(FindService.class.getName());

    /** PS3.4 C.4.1.1.4 statuses. */
    static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    static final int UNABLE_TO_PROCESS = 0xC000;

    /** Setting: {@code query.pn-case-insensitive.<AE title>} = true for case-insensitive PN matching. */
    public static final String PN_CASE_INSENSITIVE_SETTING = "query.pn-case-insensitive.";

    /**
     * Setting: {@code query.strict-hierarchical.<AE title>} = true to refuse hierarchical queries
     * without the unique keys of the levels above (PS3.4 C.4.1.2.2.1) instead of answering them.
     */
    public static final String STRICT_HIERARCHICAL_SETTING = "query.strict-hierarchical.";

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    SettingsService settings;

    public DimseStatus find(AssociationInfo as, QueryRequest rq, Attributes identifier, QueryResponses responses) {
        InformationModel model = InformationModel.ofFind(rq.sopClassUid());
        QueryLevel level = QueryLevel.of(identifier.getString(Tag.QueryRetrieveLevel));
        if (model == null || level == null || !model.offers(level)) {
            return refuse(as, IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Query/Retrieve Level "
                    + identifier.getString(Tag.QueryRetrieveLevel) + " not in this information model");
        }
        QueryOptions options = options(as.calledAeTitle(), rq);
        String missing = options.has(QueryOptions.Matching.RELATIONAL) ? null
                : UniqueKeys.missingAbove(model, level, identifier);
        if (missing != null && options.has(QueryOptions.Matching.STRICT_HIERARCHICAL)) {
            // PS3.4 C.4.1.2.2.1: a hierarchical query names the unique key of each level above
            return refuse(as, IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "hierarchical query at " + level
                    + " level without a single value of " + missing + " (relational queries not negotiated)");
        }
        Jpql jpql;
        SequenceMatching sequences;
        SequenceMatching sequencesBelow;
        Jpql instancesBelow;
        try {
            jpql = QueryBuilder.build(level, identifier, options);
            sequences = SequenceMatching.of(level, identifier, options);
            sequencesBelow = SequenceMatching.below(level, identifier, options);
            instancesBelow = sequencesBelow == null ? null : QueryBuilder.instancesBelow(level, identifier, options);
        } catch (IllegalArgumentException e) {
            return refuse(as, UNABLE_TO_PROCESS, e.getMessage());
        }
        TypedQuery<Object> query = em.createQuery(jpql.query(), Object.class);
        jpql.parameters().forEach(query::setParameter);
        int sent = 0;
        try (Stream<Object> rows = query.getResultStream()) {
            for (Iterator<Object> it = rows.iterator(); it.hasNext(); ) {
                Object row = it.next();
                Attributes stored = MatchResponse.stored(row);
                if (sequences != null && !sequences.matches(stored)) {
                    continue; // PS3.4 C.2.2.2.6: no item of a sequence matches its key item
                }
                if (sequencesBelow != null && !anyInstanceBelow(row, instancesBelow, sequencesBelow)) {
                    continue; // PS3.4 C.4.1.2.2.2: no instance below meets the sequence keys below
                }
                if (!responses.send(MatchResponse.of(level, row, stored, identifier, as.calledAeTitle()))) {
                    break;
                }
                sent++;
            }
        }
        int matches = sent;
        LOG.fine(() -> as.name() + ": C-FIND " + level + " sent " + matches + " matches");
        return DimseStatus.SUCCESS;
    }

    /**
     * True when an instance below {@code row} that meets the indexed keys below its level also
     * meets the sequence keys below it: one instance must meet them all, as in the EXISTS of the
     * indexed keys (its stored header holds the attributes of every level).
     */
    private boolean anyInstanceBelow(Object row, Jpql instances, SequenceMatching sequences) {
        TypedQuery<Instance> query = em.createQuery(instances.query(), Instance.class);
        instances.parameters().forEach(query::setParameter);
        query.setParameter("row", row);
        try (Stream<Instance> below = query.getResultStream()) {
            return below.anyMatch(i -> sequences.matches(MatchResponse.stored(i)));
        }
    }

    /** Options of the called AE (settings) and of the association (extended negotiation). */
    private QueryOptions options(String calledAeTitle, QueryRequest rq) {
        Set<QueryOptions.Matching> matching = EnumSet.noneOf(QueryOptions.Matching.class);
        if (setting(PN_CASE_INSENSITIVE_SETTING + calledAeTitle)) {
            matching.add(QueryOptions.Matching.CASE_INSENSITIVE_PERSON_NAMES);
        }
        if (setting(STRICT_HIERARCHICAL_SETTING + calledAeTitle)) {
            matching.add(QueryOptions.Matching.STRICT_HIERARCHICAL);
        }
        if (rq.negotiated().contains(QueryRequest.Extension.RELATIONAL)) {
            matching.add(QueryOptions.Matching.RELATIONAL);
        }
        if (rq.negotiated().contains(QueryRequest.Extension.COMBINED_DATE_TIME)) {
            matching.add(QueryOptions.Matching.COMBINED_DATE_TIME);
        }
        return new QueryOptions(matching);
    }

    private boolean setting(String name) {
        return settings.get(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static DimseStatus refuse(AssociationInfo as, int status, String comment) {
        LOG.warning(() -> as.name() + ": C-FIND refused (" + Integer.toHexString(status) + "): " + comment);
        return DimseStatus.of(status, comment);
    }
}
