package org.newsgraph.query;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;

/**
 * The named queries shipped in the jar under {@code org/newsgraph/queries/}, listed by the {@code
 * index} file there, parsed once at load; and the other forms of some of them that a store's engine
 * is sent because it answers the catalog's own wrongly ({@link GraphStore#dialect()}), each
 * dialect's in a folder of its own with an {@code index} of its files, named as the queries they
 * stand for. Immutable and thread-safe once loaded.
 */
public final class QueryCatalog {

  private static final String FOLDER = "/org/newsgraph/queries/";

  /** The dialects that have forms of their own, each a folder under {@link #FOLDER}. */
  static final List<String> DIALECTS = List.of("virtuoso", "tdb2");

  private final Map<String, NamedQuery> queries;
  private final Map<String, Map<String, NamedQuery>> forms;

  private QueryCatalog(
      Map<String, NamedQuery> queries, Map<String, Map<String, NamedQuery>> forms) {
    this.queries = Collections.unmodifiableMap(queries);
    this.forms = Map.copyOf(forms);
  }

  /**
   * Loads the shipped catalog.
   *
   * @throws IllegalStateException when a listed query is missing or does not parse (a build defect)
   */
  public static QueryCatalog load() {
    Map<String, NamedQuery> queries = new LinkedHashMap<>();
    for (String file : listed("index")) {
      NamedQuery query = NamedQuery.parse(file, resource(file));
      if (queries.put(query.name(), query) != null) {
        throw new IllegalStateException("two catalog queries are named " + query.name());
      }
    }
    Map<String, Map<String, NamedQuery>> forms = new LinkedHashMap<>();
    for (String dialect : DIALECTS) {
      Map<String, NamedQuery> own = new LinkedHashMap<>();
      for (String file : listed(dialect + "/index")) {
        String name = file.endsWith(".rq") ? file.substring(0, file.length() - 3) : file;
        NamedQuery of = queries.get(name);
        if (of == null) {
          throw new IllegalStateException(
              dialect + "/" + file + " is the form of no catalog query named " + name);
        }
        own.put(name, NamedQuery.form(of, dialect + "/" + file, resource(dialect + "/" + file)));
      }
      forms.put(dialect, Collections.unmodifiableMap(own));
    }
    return new QueryCatalog(queries, forms);
  }

  /** The files an index lists, one a line, without its blank and comment lines. */
  private static List<String> listed(String index) {
    return resource(index)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** All queries, in index order. */
  public Collection<NamedQuery> all() {
    return queries.values();
  }

  /** The query of a name, or null. */
  public NamedQuery get(String name) {
    return queries.get(name);
  }

  /**
   * The query of a name as a store of a dialect is to be sent it: the dialect's own form when it
   * has one, else the catalog's.
   *
   * @param name the query's name
   * @param dialect the store's dialect ({@link GraphStore#dialect()}), or empty for standard SPARQL
   * @return the query, or null when no query has that name
   */
  public NamedQuery get(String name, Optional<String> dialect) {
    NamedQuery own = dialect.map(forms::get).map(f -> f.get(name)).orElse(null);
    return own != null ? own : queries.get(name);
  }

  /** The names of the queries that have a form of their own in a dialect, in its index's order. */
  public Collection<String> formsIn(String dialect) {
    return forms.getOrDefault(dialect, Map.of()).keySet();
  }

  private static String resource(String name) {
    return ResourceLib.text(FOLDER + name);
  }
}
