package org.newsgraph.link;

import org.apache.jena.graph.Node;

/**
 * A proposed link from one of our nodes to an external resource.
 *
 * @param subject our topic or provider
 * @param predicate the link predicate
 * @param object the external resource
 * @param score confidence from 0 to 1; an exact label match scores above every partial one
 * @param method how the match was made, for the reviewer
 */
public record Candidate(Node subject, Node predicate, Node object, double score, String method) {}
