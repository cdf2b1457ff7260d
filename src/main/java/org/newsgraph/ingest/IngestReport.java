package org.newsgraph.ingest;

/**
 * The counts of one ingest run.
 *
 * @param filesRead record files read (stdin counts as one)
 * @param recordsStored records whose graph was written
 * @param recordsRejected files rejected with at least one error
 * @param filesSkipped files skipped as hidden or unrelated
 * @param warnings warnings reported
 * @param unknownKeys distinct unknown keys reported
 */
public record IngestReport(
    long filesRead,
    long recordsStored,
    long recordsRejected,
    long filesSkipped,
    long warnings,
    long unknownKeys) {

  /** One line for stderr. */
  public String summary() {
    return "ingest: " + filesRead + " files read, " + recordsStored + " records stored, "
        + recordsRejected + " rejected, " + filesSkipped + " skipped, " + warnings + " warnings"
        + (unknownKeys > 0 ? " (" + unknownKeys + " unknown keys)" : "");
  }
}
