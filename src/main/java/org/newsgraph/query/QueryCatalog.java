package org.newsgraph.query;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;

/**
 * The named queries shipped in the jar under {@code org/newsgraph/queries/}, listed by the {@code
 * index} file there, each parsed once, when first used; and the other forms of some of them that a
 * store's engine is sent because it answers the catalog's own wrongly ({@link
 * GraphStore#dialect()}), each dialect's in a folder of its own with an {@code index} of its files,
 * named as the queries they stand for. Immutable and thread-safe once loaded.
 */
public final class QueryCatalog {

  private static final String FOLDER = "/org/newsgraph/queries/";

  /** The dialects that have forms of their own, each a folder under {@link #FOLDER}. */
  static final List<String> DIALECTS = List.of("virtuoso", "tdb2");

  private static final Pattern NAME = Pattern.compile("(?m)^#\\s*name:\\s*(\\S+)\\s*$");

  private final Map<String, Entry> queries;
  private final Map<String, Map<String, Entry>> forms;

  private QueryCatalog(Map<String, Entry> queries, Map<String, Map<String, Entry>> forms) {
    this.queries = Collections.unmodifiableMap(queries);
    this.forms = Map.copyOf(forms);
  }

  /**
   * A listed file, parsed when first asked for: a command runs one query, and parsing the whole
   * catalog (some 30 files) took about a quarter of a second of every command's start. The tests
   * parse every entry ({@code QueryCatalogTest}, {@code QueryFormsTest}), so a file that does not
   * parse still fails the build.
   */
  private static final class Entry {
    private final Supplier<NamedQuery> parse;
    private volatile NamedQuery parsed;

    Entry(Supplier<NamedQuery> parse) {
      this.parse = parse;
    }

    NamedQuery get() {
      NamedQuery query = parsed;
      if (query == null) {
        synchronized (this) {
          query = parsed;
          if (query == null) {
            query = parse.get();
            parsed = query;
          }
        }
      }
      return query;
    }
  }

  /**
   * Loads the shipped catalog: the listed files are read, each parsed when first used.
   *
   * @throws IllegalStateException when a listed query is missing, has no {@code # name:} line, or
   *     two share a name, or a form stands for no query (build defects); a query that does not
   *     parse throws {@link IllegalArgumentException}, naming its file and line, when first used
   */
  public static QueryCatalog load() {
    Map<String, Entry> queries = new LinkedHashMap<>();
    for (String file : listed("index")) {
      String text = resource(file);
      Matcher name = NAME.matcher(text);
      if (!name.find()) {
        throw new IllegalStateException(file + ": header needs '# name:' and '# description:'");
      }
      if (queries.put(name.group(1), new Entry(() -> NamedQuery.parse(file, text))) != null) {
        throw new IllegalStateException("two catalog queries are named " + name.group(1));
      }
    }
    Map<String, Map<String, Entry>> forms = new LinkedHashMap<>();
    for (String dialect : DIALECTS) {
      Map<String, Entry> own = new LinkedHashMap<>();
      for (String file : listed(dialect + "/index")) {
        String name = file.endsWith(".rq") ? file.substring(0, file.length() - 3) : file;
        Entry of = queries.get(name);
        if (of == null) {
          throw new IllegalStateException(
              dialect + "/" + file + " is the form of no catalog query named " + name);
        }
        String text = resource(dialect + "/" + file);
        own.put(name, new Entry(() -> NamedQuery.form(of.get(), dialect + "/" + file, text)));
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
    return queries.values().stream().map(Entry::get).toList();
  }

  /** The query of a name, or null. */
  public NamedQuery get(String name) {
    Entry entry = queries.get(name);
    return entry == null ? null : entry.get();
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
    Entry own = dialect.map(forms::get).map(f -> f.get(name)).orElse(null);
    return own != null ? own.get() : get(name);
  }

  /** The names of the queries that have a form of their own in a dialect, in its index's order. */
  public Collection<String> formsIn(String dialect) {
    return forms.getOrDefault(dialect, Map.of()).keySet();
  }

  private static String resource(String name) {
    return ResourceLib.text(FOLDER + name);
  }
}
