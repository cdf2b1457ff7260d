package org.newsgraph.serve;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Bounds the rows of a SELECT result. The query is asked for one row more than the cap, so the
 * engine can stop early (a sorted query keeps only the top rows) and the server can tell a result
 * that exactly fills the cap from one that was cut. Thread-safe (immutable).
 */
final class RowCap {

  private final int maxRows;

  RowCap(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The cap. */
  int maxRows() {
    return maxRows;
  }

  /**
   * The query with its LIMIT lowered to the cap plus one when it asked for more (or had none); the
   * given query is not changed.
   */
  Query limit(Query query) {
    if (!query.isSelectType() && !query.isConstructType() && !query.isDescribeType()) {
      return query;
    }
    long wanted = query.hasLimit() ? query.getLimit() : Long.MAX_VALUE;
    if (wanted <= maxRows) {
      return query;
    }
    Query limited = query.cloneQuery();
    // CONSTRUCT and DESCRIBE cannot be cut afterwards without losing triples of a solution: they
    // get the cap itself.
    limited.setLimit(query.isSelectType() ? maxRows + 1L : maxRows);
    return limited;
  }

  /**
   * Reads at most the cap of rows from a result. The rows are buffered (at most the cap), so the
   * caller knows whether the result was cut before the first byte of the response is written.
   *
   * @param rows the result; read, not closed
   * @return the kept rows and whether more were available
   */
  Capped read(RowSet rows) {
    List<Binding> kept = new ArrayList<>();
    while (kept.size() < maxRows && rows.hasNext()) {
      kept.add(rows.next());
    }
    boolean truncated = rows.hasNext();
    return new Capped(RowSetStream.create(rows.getResultVars(), kept.iterator()), truncated);
  }

  /**
   * The rows kept and whether the cap cut the result.
   *
   * @param rows the kept rows, replayable once
   * @param truncated whether the result had more rows than the cap
   */
  record Capped(RowSet rows, boolean truncated) {}
}
