package org.newsgraph.source;

import org.newsgraph.model.Article;

/**
 * One record read from a source, ready to map.
 *
 * @param source the file as the user named it (or {@code -} for standard input)
 * @param article the article the record describes
 */
public record Record(String source, Article article) {}
