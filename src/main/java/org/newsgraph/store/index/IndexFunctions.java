package org.newsgraph.store.index;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * The index functions: property functions that answer a named query's corpus-wide grouping from
 * TDB2's indexes in one pass, where the standard SPARQL form makes a lookup per article or per link
 * (docs/queries.md, "Index functions"). Their IRIs are under {@link #NS}; the forms of the named
 * queries written for the embedded store ({@code queries/tdb2/}) call them, and an ad-hoc query
 * over the embedded store may too.
 */
public final class IndexFunctions {

  /** The namespace of the functions' IRIs. */
  public static final String NS = "https://w3id.org/newsgraph/fn#";

  private static volatile boolean registered;

  private IndexFunctions() {}

  /** Registers the functions with ARQ, once per JVM; later calls do nothing. */
  public static void register() {
    if (registered) {
      return;
    }
    synchronized (IndexFunctions.class) {
      if (!registered) {
        PropertyFunctionRegistry registry = PropertyFunctionRegistry.get();
        registry.put(NS + "topicPairs", uri -> new TopicPairs());
        registry.put(NS + "objects", uri -> new Objects());
        registry.put(NS + "topicCoverage", uri -> new TopicCoverage());
        registry.put(NS + "providerLinks", uri -> new ProviderLinks());
        registry.put(NS + "dangling", uri -> new Dangling());
        registry.put(NS + "duplicates", uri -> new Duplicates());
        registered = true;
      }
    }
  }
}
