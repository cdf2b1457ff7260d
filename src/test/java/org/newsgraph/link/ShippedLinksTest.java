package org.newsgraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The shipped link sets: loaded at ingest, joinable from SPARQL, every link with its source,
 * refreshable alone.
 */
class ShippedLinksTest {

  private static final String BASE = IriFactory.DEFAULT_BASE;

  @TempDir Path dir;

  @Test
  void sparqlJoinsSeedTopicsToWikidataThroughTheShippedLinks() {
    Path db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), "seeds/000_1ca178d75c94ebc8.md").exit())
        .isZero();
    String query =
        """
        PREFIX schema: <http://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?label ?item WHERE {
          ?article schema:about ?topic .
          ?topic schema:name ?label ; skos:exactMatch ?item .
          FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/"))
        } ORDER BY ?label""";
    List<String> rows = new ArrayList<>();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      DatasetGraph dsg = store.dataset();
      Txn.executeRead(
          dsg,
          () -> {
            RowSet result = QueryExec.dataset(dsg).query(QueryFactory.create(query)).select();
            result.forEachRemaining(
                b ->
                    rows.add(
                        b.get("label").getLiteralLexicalForm() + " " + b.get("item").getURI()));
          });
    }
    assertThat(rows)
        .containsExactly(
            "AI http://www.wikidata.org/entity/Q11660",
            "Computer Vision http://www.wikidata.org/entity/Q844240");
  }

  @Test
  void everyShippedLinkHasARecordWithSourceDateAndMethod() {
    List<org.newsgraph.store.GraphContent> links =
        new org.newsgraph.map.SystemGraphs(IriFactory.of(BASE))
            .load().stream().filter(g -> g.graph().getURI().equals(BASE + "graph/links")).toList();
    assertThat(links).hasSize(1);
    org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    links.get(0).triples().forEach(g::add);
    List<Triple> linkTriples =
        g.find(Node.ANY, Node.ANY, Node.ANY)
            .filterKeep(t -> LinkVocab.LINK_PREDICATES.contains(t.getPredicate()))
            .toList();
    assertThat(linkTriples).hasSizeGreaterThanOrEqualTo(5);
    for (Triple link : linkTriples) {
      List<Node> records =
          g.find(Node.ANY, LinkVocab.SUBJECT, link.getSubject())
              .mapWith(Triple::getSubject)
              .filterKeep(
                  r ->
                      g.contains(r, LinkVocab.PREDICATE, link.getPredicate())
                          && g.contains(r, LinkVocab.OBJECT, link.getObject()))
              .toList();
      assertThat(records).as("record of %s", link).hasSize(1);
      Node r = records.get(0);
      assertThat(g.find(r, NewsVocab.DCTERMS_SOURCE, Node.ANY).mapWith(Triple::getObject).toList())
          .as("source of %s", link)
          .singleElement()
          .matches(Node::isURI);
      assertThat(
              g.contains(
                  r,
                  LinkVocab.DATE,
                  NodeFactory.createLiteralDT(
                      "2026-11-27", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)))
          .as("date of %s", link)
          .isTrue();
      assertThat(g.find(r, LinkVocab.METHOD, Node.ANY).toList())
          .as("method of %s", link)
          .hasSize(1);
      assertThat(link.getSubject().getURI()).startsWith(BASE);
    }
  }

  @Test
  void refreshReloadsTheLinksGraphAlone() {
    Path db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), "seeds/000_1ca178d75c94ebc8.md").exit())
        .isZero();
    Node links = NodeFactory.createURI(BASE + "graph/links");
    long before;
    try (Tdb2Store store = Tdb2Store.open(db)) {
      before = Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(links).size());
      store.deleteGraphs(List.of(links));
    }
    Cli.Result refresh = Cli.run("link", "--refresh", "--db", db.toString());
    assertThat(refresh.exit()).isZero();
    assertThat(refresh.err()).contains("link sets refreshed: " + before + " triples");
    try (Tdb2Store store = Tdb2Store.open(db)) {
      assertThat(Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(links).size()))
          .isEqualTo(before);
    }
  }
}
