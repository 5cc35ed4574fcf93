package org.strata.ejb.query;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Iterator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.config.SettingsService;
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
        Jpql jpql;
        try {
            jpql = QueryBuilder.build(level, identifier, options(as.calledAeTitle()));
        } catch (IllegalArgumentException e) {
            return refuse(as, UNABLE_TO_PROCESS, e.getMessage());
        }
        TypedQuery<Object> query = em.createQuery(jpql.query(), Object.class);
        jpql.parameters().forEach(query::setParameter);
        int sent = 0;
        try (Stream<Object> rows = query.getResultStream()) {
            for (Iterator<Object> it = rows.iterator(); it.hasNext(); ) {
                if (!responses.send(MatchResponse.of(level, it.next(), identifier, as.calledAeTitle()))) {
                    break;
                }
                sent++;
            }
        }
        int matches = sent;
        LOG.fine(() -> as.name() + ": C-FIND " + level + " sent " + matches + " matches");
        return DimseStatus.SUCCESS;
    }

    private QueryOptions options(String calledAeTitle) {
        boolean pnIgnoreCase = settings.get(PN_CASE_INSENSITIVE_SETTING + calledAeTitle).map(Boolean::parseBoolean)
                .orElse(false);
        return new QueryOptions(pnIgnoreCase);
    }

    private static DimseStatus refuse(AssociationInfo as, int status, String comment) {
        LOG.warning(() -> as.name() + ": C-FIND refused (" + Integer.toHexString(status) + "): " + comment);
        return DimseStatus.of(status, comment);
    }
}
