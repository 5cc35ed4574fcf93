package org.strata.ejb.query;

import java.util.Map;

/** A JPQL query with its named parameters. */
public record Jpql(String query, Map<String, Object> parameters) {
}
