package org.newsgraph.source;

import org.newsgraph.model.Article;
import org.newsgraph.model.Position;

/**
 * One record read from a source, ready to map.
 *
 * @param source the file as the user named it (or {@code <stdin>})
 * @param article the article the record describes
 */
public record Record(String source, Article article) {

  /** Where the record starts in its file. */
  public Position position() {
    return article.position();
  }
}
