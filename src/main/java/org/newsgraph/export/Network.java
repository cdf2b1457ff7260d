package org.newsgraph.export;

import java.util.List;

/**
 * A graph to export, read from the store as two streams: its nodes, then its edges. Every edge
 * joins two nodes of the node stream; neither stream is held in memory.
 */
public interface Network {

  /**
   * What a writer wrote.
   *
   * @param nodes the number of nodes
   * @param edges the number of edges
   */
  record Written(long nodes, long edges) {}

  /** The type of an attribute's values. */
  enum Type {
    /** Text. */
    STRING,
    /** An IRI. */
    IRI
  }

  /**
   * One attribute of the nodes or of the edges.
   *
   * @param id its key in GraphML and GEXF, such as {@code published}
   * @param column its column in CSV, such as {@code Published}
   * @param type the type of its values
   */
  record Attribute(String id, String column, Type type) {}

  /** Receives the nodes. */
  @FunctionalInterface
  interface NodeSink {
    /**
     * One node.
     *
     * @param id its id, unique among the nodes
     * @param label its label, or null
     * @param values a value (or null) per {@link #nodeAttributes() node attribute}, in their order
     */
    void node(String id, String label, List<String> values);
  }

  /** Receives the edges. */
  @FunctionalInterface
  interface EdgeSink {
    /**
     * One directed edge.
     *
     * @param source the id of the node it starts from
     * @param target the id of the node it ends at
     * @param weight its weight (1 for an unweighted network)
     * @param values a value (or null) per {@link #edgeAttributes() edge attribute}, in their order
     */
    void edge(String source, String target, long weight, List<String> values);
  }

  /** A name for the graph, such as {@code citation-network}. */
  String name();

  /** One line saying what the nodes and edges are. */
  String description();

  /** The attributes every node may have, besides its id and label. */
  List<Attribute> nodeAttributes();

  /** The attributes every edge may have, besides its ends and weight. */
  List<Attribute> edgeAttributes();

  /** True when the edges carry weights; otherwise every weight is 1. */
  boolean weighted();

  /**
   * Streams the nodes.
   *
   * @return how many were sent
   * @throws org.newsgraph.store.StoreException when the store cannot be read
   */
  long nodes(NodeSink sink);

  /**
   * Streams the edges; call after {@link #nodes}.
   *
   * @return how many were sent
   * @throws org.newsgraph.store.StoreException when the store cannot be read
   */
  long edges(EdgeSink sink);
}
