package org.newsgraph.ingest;

import java.util.Map;
import java.util.stream.Collectors;
import org.newsgraph.source.SourceWalker;

/**
 * The counts of one ingest run.
 *
 * @param filesRead record files read (stdin counts as one), unchanged ones included
 * @param recordsStored records whose graph was written
 * @param recordsRejected files rejected with at least one error
 * @param filesSkipped files skipped as hidden or unrelated
 * @param warnings warnings reported
 * @param unknownKeys distinct unknown keys reported
 * @param graphsAdded record graphs written that the store did not hold before
 * @param graphsReplaced record graphs whose content was replaced
 * @param filesUnchanged files skipped because their content hash was unchanged
 * @param graphsRemoved record graphs removed (pruned, or no longer produced by a changed file)
 * @param bulk true when the run used the bulk loader
 * @param mergedArticles record graphs written from several descriptions (several files, or an
 *     article listed twice in one file)
 * @param mergedDescriptions the descriptions those graphs were merged from
 * @param skippedDetail the skipped files by reason ("3 hidden, 1 not a record"), or empty
 */
public record IngestReport(
    long filesRead,
    long recordsStored,
    long recordsRejected,
    long filesSkipped,
    long warnings,
    long unknownKeys,
    long graphsAdded,
    long graphsReplaced,
    long filesUnchanged,
    long graphsRemoved,
    boolean bulk,
    long mergedArticles,
    long mergedDescriptions,
    String skippedDetail) {

  /** The text of skipped files by reason, in the order of the reasons. */
  static String skipDetail(Map<SourceWalker.Skip, Long> skipped) {
    return skipped.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().text())
        .collect(Collectors.joining(", "));
  }

  /** One line for stderr. */
  public String summary() {
    return "ingest: "
        + filesRead
        + " files read, "
        + graphsAdded
        + " added, "
        + graphsReplaced
        + " replaced, "
        + filesUnchanged
        + " unchanged, "
        + recordsRejected
        + " rejected, "
        + graphsRemoved
        + " removed, "
        + filesSkipped
        + " skipped"
        + (filesSkipped > 0 && !skippedDetail.isEmpty() ? " (" + skippedDetail + ")" : "")
        + ", "
        + warnings
        + " warnings"
        + (unknownKeys > 0 ? " (" + unknownKeys + " unknown keys)" : "")
        + (mergedArticles > 0
            ? ", " + mergedArticles + " merged from " + mergedDescriptions + " descriptions"
            : "")
        + (bulk ? " [bulk load]" : "");
  }
}
