package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.store.BulkLoad;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreBatch;

/**
 * The one writer of a run: gathers whole units (the graphs and metadata of one source file) into
 * batches of about {@code batchSize} records, commits each batch as one {@link StoreBatch}, and
 * tells the listener. With a bulk load, units stream straight into the loader and the listener
 * hears of everything once, at the end. Used by one thread.
 */
final class BatchWriter implements AutoCloseable {

  /**
   * Everything one source file changes; never split across batches.
   *
   * @param graphs record graphs replaced
   * @param remove record graphs removed
   * @param metaSubjects subjects whose metadata is replaced
   * @param metaTriples the new metadata
   * @param recordsItsSource true when the metadata records the new hash of the source file that
   *     every graph of the unit comes from (a file's own unit): a re-run reads that file again
   *     until this unit's metadata is in, so the graphs may be written apart from it ({@link
   *     StoreBatch#restorable()})
   */
  record Unit(
      List<GraphContent> graphs,
      List<Node> remove,
      List<Node> metaSubjects,
      List<Triple> metaTriples,
      boolean recordsItsSource) {

    /** A unit whose graphs are not restorable by a re-run (a merge, a removal, a stamp). */
    Unit(
        List<GraphContent> graphs,
        List<Node> remove,
        List<Node> metaSubjects,
        List<Triple> metaTriples) {
      this(graphs, remove, metaSubjects, metaTriples, false);
    }
  }

  private final GraphStore store;
  private final Optional<BulkLoad> bulk;
  private final Node metaGraph;
  private final int batchSize;
  private final IngestListener listener;
  private final List<Unit> pending = new ArrayList<>();
  private int pendingRecords;

  BatchWriter(
      GraphStore store,
      Optional<BulkLoad> bulk,
      Node metaGraph,
      int batchSize,
      IngestListener listener) {
    this.store = store;
    this.bulk = bulk;
    this.metaGraph = metaGraph;
    this.batchSize = batchSize;
    this.listener = listener;
  }

  /** Writes a unit (streamed into the bulk load, or added to the batch, committed when full). */
  void write(Unit unit) {
    if (bulk.isPresent()) {
      stream(unit, bulk.get().stream());
      return;
    }
    pending.add(unit);
    pendingRecords += Math.max(1, unit.graphs().size() + unit.remove().size());
    if (pendingRecords >= batchSize) {
      flush();
    }
  }

  /**
   * Streams one quad into the bulk load (after the files' units: the winners' single-valued facts).
   */
  void load(Quad quad) {
    listener.loading(quad);
    bulk.orElseThrow().stream().quad(quad);
  }

  /** Commits the pending batch, if any, and tells the listener (a no-op for a bulk load). */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<GraphContent> replace = new ArrayList<>();
    List<Node> delete = new ArrayList<>();
    List<Node> subjects = new ArrayList<>();
    List<Triple> triples = new ArrayList<>();
    Set<Node> restorable = new HashSet<>();
    for (Unit unit : pending) {
      replace.addAll(unit.graphs());
      if (unit.recordsItsSource()) {
        unit.graphs().forEach(g -> restorable.add(g.graph()));
      }
      delete.addAll(unit.remove());
      subjects.addAll(unit.metaSubjects());
      triples.addAll(unit.metaTriples());
    }
    pending.clear();
    pendingRecords = 0;
    store.apply(new StoreBatch(replace, delete, metaGraph, subjects, triples, restorable));
    listener.committed(
        store,
        new IngestListener.Committed(
            replace.stream().map(GraphContent::graph).toList(), delete, false));
  }

  /** Commits everything: the last batch, or the bulk load. */
  void finish() {
    if (bulk.isEmpty()) {
      flush();
      return;
    }
    listener.loadEnding(bulk.get().stream());
    bulk.get().finish();
    listener.committed(store, new IngestListener.Committed(List.of(), List.of(), true));
  }

  /** Abandons a bulk load that did not finish; pending batches are dropped. */
  @Override
  public void close() {
    bulk.ifPresent(BulkLoad::close);
  }

  private void stream(Unit unit, StreamRDF out) {
    for (GraphContent content : unit.graphs()) {
      Node g = content.graph();
      for (Triple t : content.triples()) {
        Quad quad = Quad.create(g, t);
        listener.loading(quad);
        out.quad(quad);
      }
    }
    for (Triple t : unit.metaTriples()) {
      out.quad(Quad.create(metaGraph, t));
    }
  }
}
