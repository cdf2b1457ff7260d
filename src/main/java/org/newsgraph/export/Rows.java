package org.newsgraph.export;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  private static final String FOLDER = "/org/newsgraph/export/";

  /** The file name of each shipped query, by identity, to find its form for an engine. */
  private static final Map<Query, String> NAMES =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /** The forms written for engines, by resource path; empty where there is none. */
  private static final Map<String, Optional<Query>> FORMS = new ConcurrentHashMap<>();

  /**
   * A query shipped under {@code org/newsgraph/export/}. A store whose engine answers it wrongly
   * ({@link GraphStore#dialect()}) is sent the form of the same name in the dialect's folder there
   * instead ({@code export/virtuoso/}), when there is one.
   */
  static Query shipped(String name) {
    Query query = QueryFactory.create(ResourceLib.text(FOLDER + name));
    NAMES.put(query, name);
    return query;
  }

  /** The query to send a store: the form written for its engine, or the query itself. */
  static Query forStore(GraphStore store, Query query) {
    String name = NAMES.get(query);
    Optional<String> dialect = name == null ? Optional.empty() : store.dialect();
    if (dialect.isEmpty()) {
      return query;
    }
    String path = FOLDER + dialect.get() + "/" + name;
    return FORMS
        .computeIfAbsent(
            path,
            p ->
                Rows.class.getResource(p) == null
                    ? Optional.empty()
                    : Optional.of(QueryFactory.create(ResourceLib.text(p))))
        .orElse(query);
  }

  /**
   * Runs a SELECT query (in the form for the store's engine, {@link #forStore}) and hands each row
   * to {@code each} as it arrives.
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
        forStore(store, query),
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
