package org.newsgraph.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.newsgraph.model.Article;
import org.newsgraph.model.Position;
import org.newsgraph.source.Record;

/**
 * One source's description of one record graph (an article, or a topic, tag or organization
 * record), split for merging with the other descriptions of the same graph: the graph holds the
 * union of every description's {@code shared} triples and the {@code own} triples of the one
 * description that wins by {@link Precedence}.
 *
 * @param graph the record graph described
 * @param own the single-valued facts (kept from the winning description only)
 * @param shared the multi-valued facts (kept from every description)
 * @param precedence how this description ranks against others of the same graph
 * @param published the publication time in milliseconds since the epoch, or {@link Long#MIN_VALUE}
 *     when unknown (to report conflicting descriptions)
 * @param provider the provider's domain, or null (to report conflicting descriptions)
 */
record Description(
    Node graph,
    List<Triple> own,
    List<Triple> shared,
    Precedence precedence,
    long published,
    String provider) {

  /** Copies the lists. */
  Description {
    own = List.copyOf(own);
    shared = List.copyOf(shared);
  }

  /** A description of a mapped record from the file at {@code path} (absolute, normalised). */
  static Description of(
      Record record, String path, Node graph, List<Triple> own, List<Triple> shared) {
    Article article = record.article();
    long published = Precedence.epochMillis(article == null ? null : article.publishedDateTime());
    long modified =
        article == null || article.updatedDateTime() == null
            ? published
            : Precedence.epochMillis(article.updatedDateTime());
    boolean feedItem = record.snapshot() != null;
    if (feedItem && record.snapshot().time() != Long.MIN_VALUE) {
      // A feed snapshot states the item as it was when the feed was made: the snapshot's time is
      // the time of the description, so the latest snapshot of a feed wins whatever its items say.
      modified = record.snapshot().time();
    }
    Position at = record.position();
    Precedence precedence =
        new Precedence(modified, record.pageItem(), feedItem, path, at.line(), at.column());
    String provider =
        article == null || article.provider() == null ? null : article.provider().domain();
    return new Description(graph, own, shared, precedence, published, provider);
  }

  /**
   * The rank of a description among those of one graph; the smallest wins. In this order: the
   * latest modification time first (a record's {@code updatedDateTime}, else its {@code
   * publishedDateTime}; a feed item's snapshot time; a description with neither comes last); then a
   * record file before an item of an API page or a feed; then an API page item before a feed item;
   * then the smaller absolute path (compared as strings), except between two feed items, where the
   * greater path wins (snapshots named by their time: the later one); then the earlier position in
   * that file. Nothing here depends on the order files are read in, the thread count or the history
   * of runs.
   *
   * @param modified milliseconds since the epoch, or {@link Long#MIN_VALUE} when unknown
   * @param pageItem true for an item of an API page or a feed
   * @param feedItem true for an item of a feed
   * @param path the source file's absolute normalised path
   * @param line 1-based line where the record starts
   * @param column 1-based column where the record starts
   */
  record Precedence(
      long modified, boolean pageItem, boolean feedItem, String path, int line, int column)
      implements Comparable<Precedence> {

    private static final Comparator<Precedence> ORDER =
        Comparator.comparingLong((Precedence p) -> p.modified)
            .reversed()
            .thenComparing(p -> p.pageItem)
            .thenComparing(p -> p.feedItem);

    @Override
    public int compareTo(Precedence other) {
      int order = ORDER.compare(this, other);
      if (order != 0) {
        return order;
      }
      order = path.compareTo(other.path);
      if (order != 0) {
        return feedItem ? -order : order; // both are feed items, or neither (ORDER compared that)
      }
      order = Integer.compare(line, other.line);
      return order != 0 ? order : Integer.compare(column, other.column);
    }

    /**
     * An {@code xsd:dateTime} lexical form as milliseconds since the epoch; a time without an
     * offset is taken as UTC.
     *
     * @return the time, or {@link Long#MIN_VALUE} when null or not a date-time
     */
    static long epochMillis(String lexical) {
      if (lexical == null) {
        return Long.MIN_VALUE;
      }
      try {
        return OffsetDateTime.parse(lexical).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException again) {
          return Long.MIN_VALUE;
        }
      }
    }

    /** The modification time as text for messages. */
    static String timeText(long millis) {
      return millis == Long.MIN_VALUE ? "none" : Instant.ofEpochMilli(millis).toString();
    }
  }
}
