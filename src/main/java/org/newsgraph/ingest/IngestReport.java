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
   */
  public record Files(
      long read, long unchanged, long rejected, Map<SourceWalker.Skip, Long> skipped) {

    /** Copies the map. */
    public Files {
      skipped = Map.copyOf(skipped);
    }

    /** Files skipped, whatever the reason. */
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

  /** One line for stderr. */
  public String summary() {
    String skippedDetail =
        files.skipped().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getValue() + " " + e.getKey().text())
            .collect(Collectors.joining(", "));
    return "ingest: "
        + files.read()
        + " files read, "
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
