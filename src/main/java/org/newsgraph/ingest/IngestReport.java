package org.newsgraph.ingest;

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
    boolean bulk) {

  /** One line for stderr. */
  public String summary() {
    return "ingest: " + filesRead + " files read, " + graphsAdded + " added, " + graphsReplaced
        + " replaced, " + filesUnchanged + " unchanged, " + recordsRejected + " rejected, "
        + graphsRemoved + " removed, " + filesSkipped + " skipped, " + warnings + " warnings"
        + (unknownKeys > 0 ? " (" + unknownKeys + " unknown keys)" : "")
        + (bulk ? " [bulk load]" : "");
  }
}
