package org.newsgraph.query;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * A named query ready to run for given parameter values: the query (a fresh copy with the row limit
 * set when a {@code limit} parameter asks for one) and the values bound as RDF terms. Made by
 * {@link ParamBinder#prepare}, the one step the command line and the HTTP endpoint share, so that a
 * named query behaves the same over both.
 *
 * @param query the query to execute
 * @param binding the parameter values, to substitute
 */
public record PreparedQuery(Query query, Binding binding) {}
