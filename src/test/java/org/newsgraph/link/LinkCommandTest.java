package org.newsgraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/** {@code link --propose} on a small extract, review, {@code link --apply}. */
class LinkCommandTest {

  private static final String BASE = IriFactory.DEFAULT_BASE;
  private static final Node GLOBAL_TIMES = NodeFactory.createURI(BASE + "provider/globaltimes.cn");

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void ingestSeeds() {
    db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), "seeds/000_1ca178d75c94ebc8.md").exit())
        .isZero();
  }

  @Test
  void proposesRankedCandidatesForUnlinkedNodesOnly() {
    Path out = dir.resolve("candidates.ttl");
    Cli.Result run =
        Cli.run(
            "link",
            "--db",
            db.toString(),
            "--propose",
            "src/test/resources/link/extract.nt",
            "-o",
            out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Graph g = RDFDataMgr.loadGraph(out.toString());
    // Global Times: the two exact label matches, then the partial one, in that order in the file.
    List<String> forGlobalTimes = objectsInFileOrder(out, GLOBAL_TIMES);
    assertThat(forGlobalTimes)
        .containsExactly(
            "http://example.org/dbr/Global_Times",
            "http://example.org/kb/Q900001",
            "http://example.org/kb/Q900002");
    assertThat(score(g, GLOBAL_TIMES, "http://example.org/kb/Q900001")).isEqualTo(1.0);
    assertThat(score(g, GLOBAL_TIMES, "http://example.org/kb/Q900002"))
        .isLessThan(score(g, GLOBAL_TIMES, "http://example.org/kb/Q900001"))
        .isPositive();
    // Newsweek is named only by citing records (an alt label); geektime.com matches by website.
    assertThat(
            score(
                g,
                NodeFactory.createURI(BASE + "provider/newsweek.com"),
                "http://example.org/kb/Q900003"))
        .isEqualTo(0.9);
    assertThat(
            score(
                g,
                NodeFactory.createURI(BASE + "provider/geektime.com"),
                "http://example.org/kb/Q900004"))
        .isEqualTo(0.95);
    // The topic ai is linked by the shipped link sets already: nothing proposed for it.
    assertThat(
            g.find(
                    Node.ANY,
                    LinkVocab.OBJECT,
                    NodeFactory.createURI("http://example.org/kb/Q900005"))
                .toList())
        .isEmpty();
    assertThat(
            g.find(
                    Node.ANY,
                    LinkVocab.OBJECT,
                    NodeFactory.createURI("http://example.org/kb/Q900006"))
                .toList())
        .isEmpty();
    assertThat(
            g.find(Node.ANY, LinkVocab.STATUS, Node.ANY)
                .mapWith(t -> t.getObject().getLiteralLexicalForm())
                .toSet())
        .containsExactly("proposed");
  }

  @Test
  void applyingAReviewedFileChangesOnlyTheReviewedLinksGraph() throws Exception {
    Path candidates = dir.resolve("candidates.ttl");
    assertThat(
            Cli.run(
                    "link",
                    "--db",
                    db.toString(),
                    "--propose",
                    "src/test/resources/link/extract.nt",
                    "-o",
                    candidates.toString())
                .exit())
        .isZero();
    Graph g = RDFDataMgr.loadGraph(candidates.toString());
    Node accepted = record(g, GLOBAL_TIMES, "http://example.org/kb/Q900001");
    g.remove(accepted, LinkVocab.STATUS, Node.ANY);
    g.add(accepted, LinkVocab.STATUS, NodeFactory.createLiteralString("accepted"));
    Path reviewed = dir.resolve("reviewed.ttl");
    try (OutputStream out = Files.newOutputStream(reviewed)) {
      RDFDataMgr.write(out, g, Lang.TURTLE);
    }
    Node reviewedGraph = NodeFactory.createURI(BASE + "graph/" + LinkApplier.GRAPH);
    Set<Quad> before = quadsOutside(reviewedGraph);

    Cli.Result apply = Cli.run("link", "--db", db.toString(), "--apply", reviewed.toString());

    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.err()).contains("links applied: 1");
    assertThat(quadsOutside(reviewedGraph)).isEqualTo(before);
    try (Tdb2Store store = Tdb2Store.open(db)) {
      Graph links = GraphFactory.createDefaultGraph();
      Txn.executeRead(
          store.dataset(),
          () -> store.dataset().getGraph(reviewedGraph).find().forEach(links::add));
      assertThat(
              links.contains(
                  GLOBAL_TIMES,
                  LinkVocab.SAME_AS,
                  NodeFactory.createURI("http://example.org/kb/Q900001")))
          .isTrue();
      assertThat(links.contains(accepted, NewsVocab.DCTERMS_SOURCE, Node.ANY)).isTrue();
      assertThat(links.find(Node.ANY, LinkVocab.SAME_AS, Node.ANY).toList()).hasSize(1);
    }
  }

  @Test
  void aBrokenExtractIsReportedWithItsPositionAndTheCandidatesBeforeItAreKept() {
    Path out = dir.resolve("candidates.ttl");
    Cli.Result run =
        Cli.run(
            "link",
            "--db",
            db.toString(),
            "--propose",
            "src/test/resources/link/broken.nt",
            "-o",
            out.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .containsPattern("src/test/resources/link/broken\\.nt:3:1: error: Broken token");
    Graph g = RDFDataMgr.loadGraph(out.toString());
    assertThat(score(g, GLOBAL_TIMES, "http://example.org/kb/Q900001")).isEqualTo(1.0);
  }

  private Set<Quad> quadsOutside(Node graph) {
    try (Tdb2Store store = Tdb2Store.open(db)) {
      Set<Quad> quads = new HashSet<>();
      Txn.executeRead(
          store.dataset(),
          () ->
              store
                  .dataset()
                  .find()
                  .forEachRemaining(
                      q -> {
                        if (!q.getGraph().equals(graph)) {
                          quads.add(q);
                        }
                      }));
      return quads;
    }
  }

  private static Node record(Graph g, Node subject, String object) {
    return g.find(Node.ANY, LinkVocab.SUBJECT, subject)
        .mapWith(Triple::getSubject)
        .filterKeep(r -> g.contains(r, LinkVocab.OBJECT, NodeFactory.createURI(object)))
        .next();
  }

  private static double score(Graph g, Node subject, String object) {
    Node r = record(g, subject, object);
    return Double.parseDouble(
        g.find(r, LinkVocab.SCORE, Node.ANY).next().getObject().getLiteralLexicalForm());
  }

  /** The objects of the records about a subject, in the order the file lists the records. */
  private static List<String> objectsInFileOrder(Path file, Node subject) {
    List<String> order = new java.util.ArrayList<>();
    RDFParser.source(file)
        .parse(
            new org.apache.jena.riot.system.StreamRDFBase() {
              private Node current;

              @Override
              public void triple(Triple t) {
                if (t.getPredicate().equals(LinkVocab.SUBJECT)) {
                  current = t.getObject();
                } else if (t.getPredicate().equals(LinkVocab.OBJECT) && subject.equals(current)) {
                  order.add(t.getObject().getURI());
                }
              }
            });
    return order;
  }
}
