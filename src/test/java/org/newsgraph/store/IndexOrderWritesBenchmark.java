package org.newsgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the two ways a write transaction can put new record graphs into an existing TDB2 store:
 * quad by quad into the six indexes, as TDB2 does, and index by index in key order ({@link
 * IndexOrderWrites}). The new graphs are copies of record graphs of the store spread over it, each
 * under a new graph and article IRI with its other nodes kept, so that their quads meet stored ones
 * where new records do (dates, providers, topics). Each write runs in a transaction that is then
 * aborted, so the store is left as it was (TDB2's files may grow); the two ways alternate, each on
 * other graphs. Prints seconds per round. Asserts nothing.
 *
 * <pre>
 * mvn -B -q -o test -Dtest=IndexOrderWritesBenchmark -Dtest.excludedGroups=none -Dbench.store=DIR
 * </pre>
 *
 * {@code -Dbench.graphs=N} graphs a round (default 1,000), {@code -Dbench.rounds=R} rounds of each
 * way (default 2), {@code -Dbench.stride=S} takes every S-th headline's graph (default 97). DIR is
 * a store made by {@code newsgraph ingest}; close every other process using it.
 */
@Tag("benchmark")
class IndexOrderWritesBenchmark {

  private static final Node HEADLINE = NodeFactory.createURI("http://schema.org/headline");

  @Test
  void printWriteTimes() {
    Path dir = Path.of(System.getProperty("bench.store", "target/bench-store"));
    int n = Integer.getInteger("bench.graphs", 1000);
    int rounds = Integer.getInteger("bench.rounds", 2);
    int stride = Integer.getInteger("bench.stride", 97);
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
    try {
      List<Node> graphs = sample(tdb, n * 2 * rounds, stride);
      System.out.printf(
          Locale.ROOT, "%s: %,d record graphs sampled, every %d-th%n", dir, graphs.size(), stride);
      for (int r = 0; r < rounds; r++) {
        for (int way = 0; way < 2; way++) {
          int from = (2 * r + way) * n;
          if (from + n > graphs.size()) {
            System.out.println("too few record graphs for another round");
            return;
          }
          time(tdb, graphs.subList(from, from + n), way == 1, r);
        }
      }
    } finally {
      TDBInternal.expel(tdb);
    }
  }

  private static List<Node> sample(DatasetGraph tdb, int wanted, int stride) {
    List<Node> graphs = new ArrayList<>();
    Txn.executeRead(
        tdb,
        () -> {
          Iterator<Quad> it = tdb.find(Node.ANY, Node.ANY, HEADLINE, Node.ANY);
          long i = 0;
          while (it.hasNext() && graphs.size() < wanted) {
            Quad q = it.next();
            if (i++ % stride == 0 && q.getGraph().getURI().contains("/graph/article/")) {
              graphs.add(q.getGraph());
            }
          }
        });
    return graphs;
  }

  private static void time(DatasetGraph tdb, List<Node> graphs, boolean indexOrder, int round) {
    tdb.begin(TxnType.WRITE);
    try {
      List<Quad> quads = copies(tdb, graphs);
      long start = System.nanoTime();
      if (indexOrder) {
        IndexOrderWrites held = IndexOrderWrites.of(tdb);
        for (Quad q : quads) {
          held.insert(q.getGraph(), q.asTriple());
        }
        held.flush();
      } else {
        quads.forEach(tdb::add);
      }
      System.out.printf(
          Locale.ROOT,
          "round %d, %-28s %,d graphs, %,d quads: %.2f s%n",
          round + 1,
          indexOrder ? "index by index, key order:" : "quad by quad (TDB2's add):",
          graphs.size(),
          quads.size(),
          (System.nanoTime() - start) / 1e9);
    } finally {
      tdb.abort();
      tdb.end();
    }
  }

  /** The quads of the graphs, each graph and its article under a new IRI. */
  private static List<Quad> copies(DatasetGraph tdb, List<Node> graphs) {
    List<Quad> quads = new ArrayList<>();
    int k = 0;
    for (Node g : graphs) {
      String suffix = "-copy" + k++;
      Node copy = NodeFactory.createURI(g.getURI() + suffix);
      Node article = NodeFactory.createURI(g.getURI().replace("/graph/article/", "/article/"));
      Node newArticle = NodeFactory.createURI(article.getURI() + suffix);
      Iterator<Quad> it = tdb.find(g, Node.ANY, Node.ANY, Node.ANY);
      while (it.hasNext()) {
        Quad q = it.next();
        Node s = q.getSubject().equals(article) ? newArticle : q.getSubject();
        Node o = q.getObject().equals(article) ? newArticle : q.getObject();
        quads.add(Quad.create(copy, s, q.getPredicate(), o));
      }
    }
    return quads;
  }
}
