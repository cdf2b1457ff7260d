package org.newsgraph.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * A quad store holding one named graph per source record. Queries see the union of all named graphs
 * as their default graph. Implementations are safe for use by several threads; writes are
 * serialised.
 */
public interface GraphStore extends AutoCloseable {

  /**
   * Replaces the content of every given graph, all in one transaction: either every graph has its
   * new content afterwards, or (on failure) none changed.
   *
   * @param graphs the graphs and their new content
   * @throws StoreException when the write fails; the store is left at its last commit
   */
  void replaceGraphs(Collection<GraphContent> graphs);

  /**
   * Removes graphs, all in one transaction.
   *
   * @param graphs the graph names; absent ones are ignored
   * @throws StoreException when the write fails
   */
  void deleteGraphs(Collection<Node> graphs);

  /**
   * Applies one batch: a local store in one transaction (all or nothing); a remote store graph by
   * graph, data before metadata (see {@link StoreBatch}).
   *
   * @param batch what to write
   * @throws StoreException when the write fails; a local store is left at its last commit
   */
  void apply(StoreBatch batch);

  /**
   * Starts a bulk load when this store supports one and holds no data yet.
   *
   * @return the load, or empty when writes must go through {@link #apply(StoreBatch)}
   * @throws StoreException when the store cannot be read
   */
  default Optional<BulkLoad> bulkLoad() {
    return Optional.empty();
  }

  /**
   * Runs a query with its variables pre-bound and hands the execution to {@code handler} while the
   * store is held in a read transaction; the handler must consume the results before returning.
   *
   * @param query the parsed query
   * @param substitution variables to bind as RDF terms before execution (may be empty)
   * @param handler consumes the execution; its result is returned
   * @return what the handler returned
   * @throws StoreException when the store cannot be read
   */
  <T> T query(Query query, Binding substitution, Function<QueryExec, T> handler);

  /**
   * Streams quads, inside a read transaction.
   *
   * @param graph a graph name, or null for every named graph
   * @param sink receives the quads ({@code start} and {@code finish} are the caller's business)
   * @throws StoreException when the store cannot be read
   */
  void exportQuads(Node graph, StreamRDF sink);

  /**
   * Streams the subject and object of the triples of one graph that match a pattern, inside a read
   * transaction: a local store reads its indexes directly, a remote one runs a SPARQL query.
   *
   * @param graph a graph name
   * @param subject a subject, or {@link Node#ANY}
   * @param predicate a predicate (not {@link Node#ANY})
   * @param object an object, or {@link Node#ANY}
   * @param sink receives subject and object of each match
   * @throws StoreException when the store cannot be read
   */
  void findInGraph(
      Node graph, Node subject, Node predicate, Node object, BiConsumer<Node, Node> sink);

  /**
   * Whether queries over this store can use newsgraph's full-text index: jena-text's {@code
   * text:query} over {@code schema:headline} and {@code schema:description}. A TDB2 store always
   * has it; a remote one is asked.
   *
   * @throws StoreException when the store cannot be read
   */
  boolean hasTextIndex();

  /** A description of where the data lives, for messages ("TDB2 store at ..."). */
  String describe();

  /**
   * The SPARQL dialect of this store's engine where it answers some of newsgraph's queries wrongly
   * in their standard form: {@code virtuoso} for OpenLink Virtuoso, told at the first request; the
   * queries then go in the forms written for it ({@code query.QueryCatalog}, {@code
   * query.StatsQuery}); {@code tdb2} for the embedded store, whose forms of some named queries call
   * its index functions ({@code store.index.IndexFunctions}). Empty for every other engine:
   * standard SPARQL.
   *
   * @throws StoreException when a remote store cannot be reached
   */
  default Optional<String> dialect() {
    return Optional.empty();
  }

  /**
   * A folder of this store's own on this machine, for files kept beside the data (the inference's
   * text profiles), or empty for a store elsewhere.
   */
  default Optional<Path> localDirectory() {
    return Optional.empty();
  }

  /**
   * True when every read is a request over the network (a remote SPARQL endpoint): a caller that
   * would look many small things up reads what it needs in a few streamed queries instead.
   */
  default boolean remote() {
    return false;
  }

  /** Releases the store. */
  @Override
  void close();
}
