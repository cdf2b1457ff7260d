package org.newsgraph.query;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsgraph.model.ResourceLib;

/**
 * The named queries shipped in the jar under {@code org/newsgraph/queries/}, listed by the {@code
 * index} file there, parsed once at load. Immutable and thread-safe once loaded.
 */
public final class QueryCatalog {

  private static final String FOLDER = "/org/newsgraph/queries/";

  private final Map<String, NamedQuery> queries;

  private QueryCatalog(Map<String, NamedQuery> queries) {
    this.queries = Collections.unmodifiableMap(queries);
  }

  /**
   * Loads the shipped catalog.
   *
   * @throws IllegalStateException when a listed query is missing or does not parse (a build defect)
   */
  public static QueryCatalog load() {
    Map<String, NamedQuery> queries = new LinkedHashMap<>();
    for (String line : resource("index").split("\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      NamedQuery query = NamedQuery.parse(file, resource(file));
      if (queries.put(query.name(), query) != null) {
        throw new IllegalStateException("two catalog queries are named " + query.name());
      }
    }
    return new QueryCatalog(queries);
  }

  /** All queries, in index order. */
  public Collection<NamedQuery> all() {
    return queries.values();
  }

  /** The query of a name, or null. */
  public NamedQuery get(String name) {
    return queries.get(name);
  }

  private static String resource(String name) {
    return ResourceLib.text(FOLDER + name);
  }
}
