package org.newsgraph.source;

import org.newsgraph.model.Article;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Position;

/**
 * One record read from a source, ready to map: an article, a topic, a tag or an organization. A
 * JSON API page gives one record per item, all with the same source.
 *
 * @param source the file as the user named it (or {@code <stdin>})
 * @param entity what the record describes
 * @param pageItem true for an item of a page that lists many records (a JSON API page), false for a
 *     file that is the record itself; when several descriptions of one article merge, a record
 *     file's single-valued facts win over a page item's of the same date
 */
public record Record(String source, Entity entity, boolean pageItem) {

  /** A record that is its own file (not an item of a page). */
  public Record(String source, Entity entity) {
    this(source, entity, false);
  }

  /** Where the record starts in its file. */
  public Position position() {
    return entity.position();
  }

  /** The article the record describes, or null when it describes something else. */
  public Article article() {
    return entity instanceof Article article ? article : null;
  }
}
