package org.newsgraph.source;

import java.util.List;
import org.newsgraph.model.Problem;

/**
 * What reading one source file gave: its records (empty when the file was rejected) and every
 * problem found, in file order.
 *
 * @param records records to map; empty when any error was found, so a file is all in or all out
 * @param problems errors and warnings
 */
public record ReadResult(List<Record> records, List<Problem> problems) {

  /** Copies the lists. */
  public ReadResult {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }

  /** True when at least one problem is an error (the file was rejected). */
  public boolean rejected() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
