package org.newsgraph.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * One write to a store, applied as a unit: graphs replaced, graphs removed, and descriptions in the
 * metadata graph replaced. A local store applies it in one transaction; a remote store applies the
 * graph writes first and the metadata last, so that a failure part-way leaves metadata that is at
 * worst behind the data (a re-run repeats the write) and never ahead of it.
 *
 * @param replace graphs whose whole content is replaced
 * @param delete graphs removed (absent ones are ignored)
 * @param metaGraph the metadata graph
 * @param metaSubjects subjects whose every triple in the metadata graph is removed first
 * @param metaTriples triples then added to the metadata graph
 * @param restorable graphs of {@code replace} that a re-run writes again when this batch is lost
 *     part-way, because the batch's metadata records the new version of a source file they come
 *     from (until it is applied, the store holds the old one, so the next run reads that file
 *     again): a remote store may remove and write these in separate requests, where it writes every
 *     other graph's removal and new content in one
 */
public record StoreBatch(
    List<GraphContent> replace,
    List<Node> delete,
    Node metaGraph,
    List<Node> metaSubjects,
    List<Triple> metaTriples,
    Set<Node> restorable) {

  /** Validates and copies. */
  public StoreBatch {
    Objects.requireNonNull(metaGraph, "metaGraph");
    replace = List.copyOf(replace);
    delete = List.copyOf(delete);
    metaSubjects = List.copyOf(metaSubjects);
    metaTriples = List.copyOf(metaTriples);
    restorable = Set.copyOf(restorable);
  }

  /** A batch none of whose graphs is {@linkplain #restorable() restorable}. */
  public StoreBatch(
      List<GraphContent> replace,
      List<Node> delete,
      Node metaGraph,
      List<Node> metaSubjects,
      List<Triple> metaTriples) {
    this(replace, delete, metaGraph, metaSubjects, metaTriples, Set.of());
  }
}
