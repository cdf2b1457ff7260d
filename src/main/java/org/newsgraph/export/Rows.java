package org.newsgraph.export;

import java.util.function.Consumer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreException;

/** Streams the rows of a SELECT query to a consumer, one at a time. */
final class Rows {

  private Rows() {}

  /** A query shipped under {@code org/newsgraph/export/}. */
  static Query shipped(String name) {
    return QueryFactory.create(ResourceLib.text("/org/newsgraph/export/" + name));
  }

  /**
   * Runs a SELECT query and hands each row to {@code each} as it arrives.
   *
   * <p>A remote store retries a request that fails; when that happens after rows were handed on,
   * running the query again would hand them on twice, so this stops instead.
   *
   * @return how many rows there were
   * @throws StoreException when the store cannot be read, or its answer broke off midway
   */
  static long select(GraphStore store, Query query, Binding binding, Consumer<Binding> each) {
    long[] seen = {0};
    return store.query(
        query,
        binding,
        exec -> {
          if (seen[0] > 0) {
            throw new StoreException(
                "the store's answer broke off after "
                    + seen[0]
                    + " rows; the export is incomplete");
          }
          RowSet rows = exec.select();
          while (rows.hasNext()) {
            each.accept(rows.next());
            seen[0]++;
          }
          return seen[0];
        });
  }
}
