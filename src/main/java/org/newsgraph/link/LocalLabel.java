package org.newsgraph.link;

import org.apache.jena.graph.Node;

/**
 * A label of one of our topics or providers, as the matcher sees it.
 *
 * @param node the topic or provider
 * @param kind {@code pref} (its name), {@code alt} (alt label, keyword, name as cited) or {@code
 *     domain} (a provider's web domain)
 * @param text the label as stored
 * @param provider true for a provider, false for a topic
 */
public record LocalLabel(Node node, String kind, String text, boolean provider) {}
