package org.newsgraph.source;

import java.util.List;
import java.util.Map;
import org.newsgraph.model.Problem;

/**
 * What reading one source file gave: its records (empty when the file was rejected) and every
 * problem found, in file order.
 *
 * @param records records to map; empty when any error was found, so a file is all in or all out
 * @param problems errors and warnings
 * @param kind what the file was read as ({@code record}, {@code feed}, {@code page}, {@code WARC}),
 *     for the run's summary
 * @param skippedRecords for a WARC file, the records that gave no page, by reason; else empty
 */
public record ReadResult(
    List<Record> records, List<Problem> problems, String kind, Map<String, Long> skippedRecords) {

  /** Copies the lists. */
  public ReadResult {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
    skippedRecords = Map.copyOf(skippedRecords);
  }

  /** The result of a record file (front matter, YAML, JSON). */
  public ReadResult(List<Record> records, List<Problem> problems) {
    this(records, problems, "record", Map.of());
  }

  /** The result of a file of the given kind, with no records skipped. */
  public ReadResult(List<Record> records, List<Problem> problems, String kind) {
    this(records, problems, kind, Map.of());
  }

  /** True when at least one problem is an error (the file was rejected). */
  public boolean rejected() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
