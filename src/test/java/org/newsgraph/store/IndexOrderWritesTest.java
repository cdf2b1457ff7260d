package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held writes of a transaction ({@link IndexOrderWrites}) leave every one of TDB2's six quad
 * indexes holding exactly the quads the graphs were given: a defect in the reordering would show as
 * an index that answers differently from another, which no query over one access path sees.
 */
class IndexOrderWritesTest {

  private static final String EX = "https://example.org/";

  @TempDir Path dir;

  @Test
  void everyIndexHoldsWhatTheGraphsWereGivenAfterRandomReplacements() {
    Random random = new Random(7);
    Map<Node, Set<Triple>> expected = new HashMap<>();
    Node meta = uri("meta");
    try (Tdb2Store store = Tdb2Store.open(dir)) {
      for (int round = 0; round < 40; round++) {
        List<GraphContent> replace = new ArrayList<>();
        int graphs = 1 + random.nextInt(6);
        for (int i = 0; i < graphs; i++) {
          // Graphs repeat within a batch now and then: the later content wins.
          Node g = uri("graph/" + random.nextInt(12));
          List<Triple> triples = randomTriples(random);
          replace.add(new GraphContent(g, triples));
          expected.put(g, new HashSet<>(triples));
        }
        List<Node> delete = new ArrayList<>();
        if (random.nextInt(4) == 0) {
          Node gone = uri("graph/" + random.nextInt(12));
          delete.add(gone);
          expected.remove(gone);
        }
        if (random.nextBoolean()) {
          store.apply(new StoreBatch(replace, delete, meta, List.of(), List.of()));
        } else {
          store.replaceGraphs(replace);
          store.deleteGraphs(delete);
        }
      }
    }
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
    Set<Quad> all = new HashSet<>();
    expected.forEach((g, ts) -> ts.forEach(t -> all.add(new Quad(g, t))));
    assertThat(all).hasSizeGreaterThan(200);
    Txn.executeRead(
        tdb,
        () -> {
          // Each pattern is answered by another index: GSPO, GPOS, GOSP, SPOG, POSG, OSPG.
          for (Quad q : all) {
            Node g = q.getGraph();
            Node s = q.getSubject();
            Node p = q.getPredicate();
            Node o = q.getObject();
            assertThat(found(tdb, g, Node.ANY, Node.ANY, Node.ANY))
                .isEqualTo(select(all, x -> x.getGraph().equals(g)));
            assertThat(found(tdb, g, Node.ANY, p, Node.ANY))
                .isEqualTo(select(all, x -> x.getGraph().equals(g) && x.getPredicate().equals(p)));
            assertThat(found(tdb, g, Node.ANY, Node.ANY, o))
                .isEqualTo(select(all, x -> x.getGraph().equals(g) && x.getObject().equals(o)));
            assertThat(found(tdb, Node.ANY, s, Node.ANY, Node.ANY))
                .isEqualTo(select(all, x -> x.getSubject().equals(s)));
            assertThat(found(tdb, Node.ANY, Node.ANY, p, o))
                .isEqualTo(select(all, x -> x.getPredicate().equals(p) && x.getObject().equals(o)));
            assertThat(found(tdb, Node.ANY, Node.ANY, Node.ANY, o))
                .isEqualTo(select(all, x -> x.getObject().equals(o)));
          }
          assertThat(found(tdb, Node.ANY, Node.ANY, Node.ANY, Node.ANY)).isEqualTo(all);
        });
  }

  @Test
  void headlinesStillReachTheTextIndexAndOtherTriplesTheStore() {
    Node g = uri("graph/a");
    Node a = uri("article/a");
    Node headline = NodeFactory.createURI("http://schema.org/headline");
    Node name = NodeFactory.createURI("http://schema.org/name");
    try (Tdb2Store store = Tdb2Store.open(dir)) {
      for (String title : List.of("Harbour flood", "River drought")) {
        store.replaceGraphs(
            List.of(
                new GraphContent(
                    g,
                    List.of(
                        Triple.create(a, headline, NodeFactory.createLiteralString(title)),
                        Triple.create(a, name, NodeFactory.createLiteralString("kept"))))));
      }
      List<String> hits = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      String q =
          "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query '%s' }";
      store.query(
          QueryFactory.create(String.format(q, "drought")),
          BindingFactory.empty(),
          exec -> {
            exec.select().forEachRemaining(b -> hits.add(b.get("s").getURI()));
            return null;
          });
      store.query(
          QueryFactory.create(String.format(q, "flood")),
          BindingFactory.empty(),
          exec -> {
            exec.select().forEachRemaining(b -> gone.add(b.get("s").getURI()));
            return null;
          });
      assertThat(hits).containsExactly(a.getURI());
      assertThat(gone).isEmpty();
      List<Triple> stored = new ArrayList<>();
      store.exportQuads(
          g,
          new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
              stored.add(quad.asTriple());
            }
          });
      assertThat(stored)
          .containsExactlyInAnyOrder(
              Triple.create(a, headline, NodeFactory.createLiteralString("River drought")),
              Triple.create(a, name, NodeFactory.createLiteralString("kept")));
    }
  }

  private static List<Triple> randomTriples(Random random) {
    List<Triple> out = new ArrayList<>();
    int n = 5 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      Node s = uri("s/" + random.nextInt(8));
      Node p = uri("p/" + random.nextInt(5));
      Node o =
          switch (random.nextInt(3)) {
            case 0 -> uri("o/" + random.nextInt(10));
            case 1 ->
                NodeFactory.createLiteralDT(
                    Integer.toString(random.nextInt(20)), XSDDatatype.XSDinteger);
            default -> NodeFactory.createLiteralString("text " + random.nextInt(30));
          };
      out.add(Triple.create(s, p, o));
    }
    return out;
  }

  private static Set<Quad> found(DatasetGraph tdb, Node g, Node s, Node p, Node o) {
    Set<Quad> out = new HashSet<>();
    Iterator<Quad> it = g == Node.ANY ? tdb.findNG(Node.ANY, s, p, o) : tdb.find(g, s, p, o);
    it.forEachRemaining(out::add);
    return out;
  }

  private static Set<Quad> select(Set<Quad> all, Predicate<Quad> keep) {
    Set<Quad> out = new HashSet<>();
    for (Quad q : all) {
      if (keep.test(q)) {
        out.add(q);
      }
    }
    return out;
  }

  private static Node uri(String local) {
    return NodeFactory.createURI(EX + local);
  }
}
