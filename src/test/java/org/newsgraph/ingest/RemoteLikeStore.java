package org.newsgraph.ingest;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreBatch;

/**
 * A store that an ingest treats as a remote one ({@link GraphStore#remote()}: no bulk load, no
 * folder for a stamp file, what the run needs read up front) over an embedded one, counting the
 * reads an ingest makes of it: each would be an HTTP round trip to a real endpoint.
 */
final class RemoteLikeStore implements GraphStore {

  private final GraphStore inner;
  private final AtomicLong reads = new AtomicLong();

  RemoteLikeStore(GraphStore inner) {
    this.inner = inner;
  }

  /** The reads made so far ({@code findInGraph} and {@code query} calls). */
  long reads() {
    return reads.get();
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public void replaceGraphs(Collection<GraphContent> graphs) {
    inner.replaceGraphs(graphs);
  }

  @Override
  public void deleteGraphs(Collection<Node> graphs) {
    inner.deleteGraphs(graphs);
  }

  @Override
  public void apply(StoreBatch batch) {
    inner.apply(batch);
  }

  @Override
  public <T> T query(Query query, Binding substitution, Function<QueryExec, T> handler) {
    reads.incrementAndGet();
    return inner.query(query, substitution, handler);
  }

  @Override
  public void exportQuads(Node graph, StreamRDF sink) {
    inner.exportQuads(graph, sink);
  }

  @Override
  public void findInGraph(
      Node graph, Node subject, Node predicate, Node object, BiConsumer<Node, Node> sink) {
    reads.incrementAndGet();
    inner.findInGraph(graph, subject, predicate, object, sink);
  }

  @Override
  public boolean hasTextIndex() {
    return inner.hasTextIndex();
  }

  @Override
  public String describe() {
    return "remote-like " + inner.describe();
  }

  /** Leaves the embedded store open: its owner closes it. */
  @Override
  public void close() {}
}
