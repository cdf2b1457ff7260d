package org.newsgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * Runs a SELECT over a {@link GraphStore} for many values of one variable, a chunk at a time: the
 * values are bound through a VALUES block built from {@link Node}s (never spliced into query text)
 * and placed first in the pattern. Stateless.
 */
public final class ValuesQuery {

  /** Values per request. */
  public static final int CHUNK = 500;

  private ValuesQuery() {}

  /** Runs {@code template} once per chunk of {@code values} bound to {@code var}. */
  public static void forChunks(
      GraphStore store, Query template, Var var, Collection<Node> values, Consumer<Binding> rows) {
    List<Node> all = new ArrayList<>(values);
    for (int from = 0; from < all.size(); from += CHUNK) {
      ElementData data = new ElementData();
      data.add(var);
      for (Node node : all.subList(from, Math.min(all.size(), from + CHUNK))) {
        data.add(BindingFactory.binding(var, node));
      }
      run(store, withValuesFirst(template, data), rows);
    }
  }

  /** Runs a query and hands every row to {@code rows}. */
  public static void run(GraphStore store, Query query, Consumer<Binding> rows) {
    store.query(
        query,
        BindingFactory.empty(),
        exec -> {
          RowSet set = exec.select();
          set.forEachRemaining(rows);
          return null;
        });
  }

  /**
   * A copy of the query whose pattern starts with the VALUES block: a trailing VALUES clause is
   * joined after the pattern is evaluated unbound (a scan of the whole store per chunk), a leading
   * one binds the pattern's lookups.
   */
  private static Query withValuesFirst(Query template, ElementData data) {
    Query query = template.cloneQuery();
    ElementGroup group = new ElementGroup();
    group.addElement(data);
    if (query.getQueryPattern() instanceof ElementGroup body) {
      body.getElements().forEach(group::addElement);
    } else {
      group.addElement(query.getQueryPattern());
    }
    query.setQueryPattern(group);
    return query;
  }
}
