package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.Tdb2Store;

/**
 * The embedded store's forms of the named queries ({@code queries/tdb2/}, which call the index
 * functions) give the catalog forms' answers, row for row and term for term, on a store where the
 * cases the functions must get right occur: the hand-made catalog records (self-citations, links to
 * articles without a record, articles under several URLs, a taxonomy with narrower topics) and a
 * generated corpus (re-saved records, API pages repeating them, inferred links).
 */
class IndexFormsTest {

  @TempDir static Path db;
  @TempDir static Path corpus;
  static CatalogFixture fixture;
  static final QueryCatalog CATALOG = QueryCatalog.load();

  /** Parameter sets of each query with an index form; every form must have some. */
  static final Map<String, List<Map<String, String>>> CASES = new LinkedHashMap<>();

  static {
    CASES.put(
        "topic-cooccurrence",
        List.of(
            Map.of(),
            Map.of("min", "3"),
            Map.of("limit", "4"),
            Map.of("topic", "AI"),
            Map.of("topic", "Robotics", "min", "2")));
    CASES.put("topic-coverage", List.of(Map.of(), Map.of("limit", "3")));
    CASES.put(
        "provider-links",
        List.of(
            Map.of(),
            Map.of("self", "include"),
            Map.of("self", "only"),
            Map.of("links", "given"),
            Map.of("links", "given", "self", "only"),
            Map.of("limit", "5", "self", "include")));
    CASES.put("dangling", List.of(Map.of(), Map.of("limit", "2")));
    CASES.put("duplicates", List.of(Map.of(), Map.of("limit", "3")));
  }

  @BeforeAll
  static void ingest() throws Exception {
    IngestFixtures.corpus(corpus, 0, 400);
    // Cases the generated records lack: a cited article whose provider the citing record does not
    // give (dangling counts it under no provider), a record citing itself, an article of two topics
    // and no date, cited under another spelling of its URL.
    Files.writeString(
        corpus.resolve("edge-1.md"),
        """
        ---
        title: "Edge cases for the index forms"
        publishedDateTime: 2021-05-01T10:00:00Z
        webUrl: "https://epsilon.example/edge-one"
        type: article
        provider:
          name: Epsilon
          domain: epsilon.example
        topics:
          - Robotics
          - AI Hardware
        related:
          - title: "No provider given"
            webUrl: "https://nowhere.example/unknown-source"
            type: article
          - title: "Itself"
            webUrl: "https://epsilon.example/edge-one"
            type: article
          - title: "Undated"
            webUrl: "https://epsilon.example/edge-two"
            type: article
            provider:
              name: Epsilon
              domain: epsilon.example
        ---
        """);
    Files.writeString(
        corpus.resolve("edge-2.md"),
        """
        ---
        title: "An undated article of two topics"
        webUrl: "https://epsilon.example/edge-two"
        originalUrl: "https://epsilon.example/edge-two?ref=original"
        type: article
        provider:
          name: Epsilon
          domain: epsilon.example
        topics:
          - Robotics
          - Self-Driving Cars
        related:
          - title: "Edge one, spelled otherwise"
            webUrl: "https://EPSILON.example/edge-one"
            type: article
            provider:
              name: Epsilon Media
              domain: epsilon.example
        ---
        """);
    fixture = CatalogFixture.inferred(db, corpus);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void everyIndexFormHasTheCatalogFormsParametersAndCases() {
    assertThat(CATALOG.formsIn(Tdb2Store.DIALECT))
        .containsExactlyInAnyOrderElementsOf(CASES.keySet());
    for (String name : CATALOG.formsIn(Tdb2Store.DIALECT)) {
      assertThat(CATALOG.get(name, Optional.of(Tdb2Store.DIALECT)).params())
          .isEqualTo(CATALOG.get(name).params());
    }
  }

  @Test
  void indexFormsGiveTheCatalogFormsAnswers() {
    CASES.forEach(
        (name, cases) -> {
          for (Map<String, String> params : cases) {
            String standard = csv(CATALOG.get(name), params);
            String indexed = csv(CATALOG.get(name, Optional.of(Tdb2Store.DIALECT)), params);
            assertThat(indexed).as(name + " " + params).isEqualTo(standard);
          }
          // An answer of no rows would make the comparison say nothing.
          assertThat(csv(CATALOG.get(name), cases.get(0)).lines().count())
              .as(name + " has rows")
              .isGreaterThan(2);
        });
  }

  @Test
  void theCitationNetworksEdgesGiveTheStandardFormsRows() {
    // export --profile citation-network sends the embedded store export/tdb2/provider-edges.rq.
    Query standard =
        QueryFactory.create(ResourceLib.text("/org/newsgraph/export/provider-edges.rq"));
    Query indexed =
        QueryFactory.create(ResourceLib.text("/org/newsgraph/export/tdb2/provider-edges.rq"));
    for (String links : List.of("all", "given")) {
      for (String self : List.of("exclude", "include", "only")) {
        Binding binding =
            BindingFactory.binding(
                Var.alloc("links"),
                NodeFactory.createLiteralString(links),
                Var.alloc("self"),
                NodeFactory.createLiteralString(self));
        String expected = csv(standard, binding);
        assertThat(expected.lines().count())
            .as("edges with " + links + " " + self)
            .isGreaterThan(2);
        assertThat(csv(indexed, binding)).as(links + " " + self).isEqualTo(expected);
      }
    }
  }

  private static String csv(Query query, Binding binding) {
    return csv(fixture.store(), query, binding);
  }

  /** A query's rows as CSV, in the order the store gives them. */
  static String csv(GraphStore store, Query query, Binding binding) {
    return store.query(
        query,
        binding,
        exec -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ResultSetMgr.write(out, ResultSet.adapt(exec.select()), ResultSetLang.RS_CSV);
          return out.toString(StandardCharsets.UTF_8);
        });
  }

  private static String csv(NamedQuery query, Map<String, String> params) {
    PreparedQuery prepared =
        new ParamBinder(fixture.store(), CatalogFixture.IRIS).prepare(query, params);
    return csv(prepared.query(), prepared.binding());
  }
}
