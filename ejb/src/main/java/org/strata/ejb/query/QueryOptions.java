package org.strata.ejb.query;

/**
 * How the SCP matches, per called AE.
 *
 * @param caseInsensitivePersonNames match PN values ignoring case (PS3.4 C.2.2.2.1 leaves it to
 *                                   the SCP; off by default)
 */
public record QueryOptions(boolean caseInsensitivePersonNames) {

    public static final QueryOptions DEFAULT = new QueryOptions(false);
}
