package org.newsgraph.link;

import java.util.List;
import org.apache.jena.graph.Node;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;

/**
 * The curated link sets shipped in {@code ontology/links/}: reloads them into {@code
 * {base}graph/links} without an ingest, replacing that graph only.
 */
public final class LinkSets {

  private LinkSets() {}

  /**
   * Replaces the links graph with the shipped link sets, in one transaction.
   *
   * @return the number of triples now in the links graph
   * @throws org.newsgraph.store.StoreException when the write fails (nothing changed)
   */
  public static int refresh(GraphStore store, IriFactory iris) {
    Node links = iris.systemGraph("links");
    List<GraphContent> shipped =
        new SystemGraphs(iris).load().stream().filter(g -> g.graph().equals(links)).toList();
    store.replaceGraphs(shipped);
    return shipped.stream().mapToInt(g -> g.triples().size()).sum();
  }
}
