package org.newsgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.Function;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The embedded default store: an Apache Jena TDB2 dataset in a directory. Every write is one TDB2
 * transaction, so a crash leaves the store at its last commit. Queries run with the union of the
 * named graphs as the default graph. Thread-safe (TDB2 has one writer and many readers).
 */
public final class Tdb2Store implements GraphStore {

  private final Path directory;
  private final DatasetGraph dataset;

  private Tdb2Store(Path directory, DatasetGraph dataset) {
    this.directory = directory;
    this.dataset = dataset;
  }

  /**
   * Opens (creating when absent) the TDB2 dataset in a directory.
   *
   * @param directory the database directory
   * @return the open store; close it
   * @throws StoreException when the directory cannot be created or the store is locked or damaged
   */
  public static Tdb2Store open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException | RuntimeException e) {
      throw new StoreException("cannot create store directory " + directory + ": " + e.getMessage(), e);
    }
    DatasetGraph dsg;
    try {
      dsg = DatabaseMgr.connectDatasetGraph(Location.create(directory.toString()));
    } catch (RuntimeException e) {
      throw new StoreException("cannot open TDB2 store at " + directory + ": " + e.getMessage(), e);
    }
    dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    return new Tdb2Store(directory, dsg);
  }

  /** The underlying dataset, for components that run over it in-process (the endpoint). */
  public DatasetGraph dataset() {
    return dataset;
  }

  /** The database directory. */
  public Path directory() {
    return directory;
  }

  @Override
  public void replaceGraphs(Collection<GraphContent> graphs) {
    write(() -> {
      for (GraphContent content : graphs) {
        Node g = content.graph();
        dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        for (Triple t : content.triples()) {
          dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject());
        }
      }
    });
  }

  @Override
  public void deleteGraphs(Collection<Node> graphs) {
    write(() -> graphs.forEach(g -> dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY)));
  }

  @Override
  public <T> T query(Query query, Binding substitution, Function<QueryExec, T> handler) {
    try {
      return Txn.calculateRead(dataset, () -> {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).substitution(substitution).build()) {
          return handler.apply(exec);
        }
      });
    } catch (org.apache.jena.dboe.transaction.txn.TransactionException e) {
      throw new StoreException("cannot read " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void exportQuads(Node graph, StreamRDF sink) {
    Txn.executeRead(dataset, () -> {
      Iterator<Quad> quads = graph == null
          ? dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
          : dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
      while (quads.hasNext()) {
        Quad q = quads.next();
        if (!q.isDefaultGraph()) {
          sink.quad(q);
        }
      }
    });
  }

  @Override
  public String describe() {
    return "TDB2 store at " + directory;
  }

  @Override
  public void close() {
    dataset.close();
  }

  private void write(Runnable action) {
    try {
      Txn.executeWrite(dataset, action);
    } catch (RuntimeException e) {
      throw new StoreException("write to " + describe() + " failed and was rolled back: "
          + e.getMessage(), e);
    }
  }
}
