package org.newsgraph.source;

import org.newsgraph.model.Article;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Position;

/**
 * One record read from a source, ready to map: an article, a topic, a tag or an organization. A
 * JSON API page gives one record per item, all with the same source; so does a feed. A WARC file
 * gives one per captured page, each with its own source, {@code FILE@OFFSET}.
 *
 * @param source the file as the user named it (or {@code <stdin>})
 * @param entity what the record describes
 * @param pageItem true for an item of a page that lists many records (a JSON API page, a feed, a
 *     capture in a WARC file), false for a file that is the record itself (a saved page is one);
 *     when several descriptions of one article merge, a record file's single-valued facts win over
 *     a page item's of the same date
 * @param snapshot for an item of a feed, the time of the feed document it was read from; null for
 *     every other record
 */
public record Record(String source, Entity entity, boolean pageItem, Snapshot snapshot) {

  /** A record that is its own file (not an item of a page). */
  public Record(String source, Entity entity) {
    this(source, entity, false, null);
  }

  /** A record that is not a feed item. */
  public Record(String source, Entity entity, boolean pageItem) {
    this(source, entity, pageItem, null);
  }

  /**
   * When the feed document an item was read from was made: the document's own time (RSS {@code
   * lastBuildDate}, else the channel's {@code pubDate}; Atom's feed {@code updated}), else the
   * file's modification time. Snapshots of one feed are ordered by it, later first (see {@code
   * docs/inputs.md}).
   *
   * @param time milliseconds since the epoch, or {@link Long#MIN_VALUE} when neither is known
   *     (standard input without a document time)
   * @param basis where the time came from ({@code lastBuildDate}, {@code pubDate}, {@code updated},
   *     {@code file time} or {@code none}), for messages
   */
  public record Snapshot(long time, String basis) {}

  /** Where the record starts in its file. */
  public Position position() {
    return entity.position();
  }

  /** The article the record describes, or null when it describes something else. */
  public Article article() {
    return entity instanceof Article article ? article : null;
  }
}
