package org.newsgraph.ingest;

import java.util.Map;
import java.util.stream.Collectors;
import org.newsgraph.source.SourceWalker;

/**
 * The counts of one ingest run, by what they count.
 *
 * @param files what became of the files
 * @param graphs what became of the record graphs
 * @param merges articles written from several descriptions
 * @param problems warnings and unknown keys reported
 * @param bulk true when the run used the bulk loader
 */
public record IngestReport(
    Files files, Graphs graphs, Merges merges, Problems problems, boolean bulk) {

  /**
   * What became of the files.
   *
   * @param read record files read (stdin counts as one), unchanged ones included
   * @param unchanged files not read again because they had not changed
   * @param rejected files rejected with at least one error
   * @param skipped files skipped, by reason
   * @param kinds files read by what they were read as ({@code record}, {@code feed}, {@code page},
   *     {@code WARC}); a file unchanged since the last run counts as what its name says
   * @param warc what the WARC files parsed in this run held (unchanged ones are not looked into)
   */
  public record Files(
      long read,
      long unchanged,
      long rejected,
      Map<SourceWalker.Skip, Long> skipped,
      Map<String, Long> kinds,
      Warc warc) {

    /** Copies the maps. */
    public Files {
      skipped = Map.copyOf(skipped);
      kinds = Map.copyOf(kinds);
    }

    /** Counts without kinds (no page or WARC file read). */
    public Files(long read, long unchanged, long rejected, Map<SourceWalker.Skip, Long> skipped) {
      this(read, unchanged, rejected, skipped, Map.of(), new Warc(0, Map.of()));
    }

    /** Files skipped, whatever the reason. */
    public long skippedTotal() {
      return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * What the WARC files of a run held.
   *
   * @param pages pages that gave an article
   * @param skipped records that gave none, by reason ({@code warcinfo (not a response)}, {@code not
   *     HTML}, {@code HTTP status not 200}, {@code no article in the page}...)
   */
  public record Warc(long pages, Map<String, Long> skipped) {

    /** Copies the map. */
    public Warc {
      skipped = Map.copyOf(skipped);
    }

    /** Records skipped, whatever the reason. */
    public long skippedTotal() {
      return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * What became of the record graphs.
   *
   * @param added written, and not in the store before
   * @param replaced written over their earlier content
   * @param removed removed (pruned, or described by no file any more)
   */
  public record Graphs(long added, long replaced, long removed) {}

  /**
   * Articles written from several descriptions (several files, or an article listed twice in one).
   *
   * @param articles how many
   * @param descriptions the descriptions they were merged from
   */
  public record Merges(long articles, long descriptions) {}

  /**
   * What was reported besides errors.
   *
   * @param warnings warnings reported
   * @param unknownKeys distinct unknown keys reported
   */
  public record Problems(long warnings, long unknownKeys) {}

  /**
   * The files parsed by kind, shown when pages or WARC files were among them (a run of records and
   * feeds alone prints as before): {@code (2 records, 1 feed, 3 pages, 1 WARC: 5 pages, 4 records
   * skipped: 2 not HTML, 2 warcinfo (not a response))}.
   */
  private String kindsDetail() {
    Map<String, Long> kinds = files.kinds();
    if (!kinds.containsKey("page") && !kinds.containsKey("WARC")) {
      return "";
    }
    StringBuilder out = new StringBuilder(" (");
    String sep = "";
    for (String kind : java.util.List.of("record", "feed", "page", "WARC")) {
      Long n = kinds.get(kind);
      if (n == null) {
        continue;
      }
      out.append(sep).append(n).append(' ').append(kind.equals("WARC") ? kind : plural(kind, n));
      sep = ", ";
    }
    Warc warc = files.warc();
    if (kinds.containsKey("WARC") && warc.pages() + warc.skippedTotal() > 0) {
      out.append(": ").append(warc.pages()).append(' ').append(plural("page", warc.pages()));
      if (warc.skippedTotal() > 0) {
        out.append(", ")
            .append(warc.skippedTotal())
            .append(' ')
            .append(plural("record", warc.skippedTotal()))
            .append(" skipped: ")
            .append(
                warc.skipped().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", ")));
      }
    }
    return out.append(')').toString();
  }

  private static String plural(String word, long n) {
    return n == 1 ? word : word + "s";
  }

  /** One line for stderr. */
  public String summary() {
    String skippedDetail =
        files.skipped().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getValue() + " " + e.getKey().text())
            .collect(Collectors.joining(", "));
    return "ingest: "
        + files.read()
        + " files read"
        + kindsDetail()
        + ", "
        + graphs.added()
        + " added, "
        + graphs.replaced()
        + " replaced, "
        + files.unchanged()
        + " unchanged, "
        + files.rejected()
        + " rejected, "
        + graphs.removed()
        + " removed, "
        + files.skippedTotal()
        + " skipped"
        + (skippedDetail.isEmpty() ? "" : " (" + skippedDetail + ")")
        + ", "
        + problems.warnings()
        + " warnings"
        + (problems.unknownKeys() > 0 ? " (" + problems.unknownKeys() + " unknown keys)" : "")
        + (merges.articles() > 0
            ? ", " + merges.articles() + " merged from " + merges.descriptions() + " descriptions"
            : "")
        + (bulk ? " [bulk load]" : "");
  }
}
