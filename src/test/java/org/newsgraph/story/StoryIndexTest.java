package org.newsgraph.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.query.CatalogFixture.iri;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.query.CatalogFixture;

/**
 * Story materialisation on the fixture corpus: the stories kept up to date batch by batch equal the
 * connected components a breadth-first search in this test finds, and the answer of the plain
 * SPARQL (transitive paths) query; a later record merges two stories, its replacement splits them.
 */
class StoryIndexTest {

  static final String A1 = "https://alpha.example/news/face-law";
  static final String B1 = "https://beta.example/face-politics";
  static final String X1 = "https://gamma.example/face-ban";
  static final String B2 = "https://beta.example/face-followup";
  static final String C1 = "https://gamma.example/robots-warehouse";
  static final String D1 = "https://delta.example/robot-arms";
  static final String C2 = "https://alpha.example/robot-jobs";
  static final String E1 = "https://delta.example/chip-news";
  static final String L1 = "https://beta.example/robots-and-faces";

  static final Query MEMBERSHIP =
      QueryFactory.create(
          """
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT ?a ?story WHERE { GRAPH ?g { ?a news:inStory ?story . ?story a news:Story } }
      """);

  /**
   * Each article's distinct citers, counted from the links themselves (the kept counts' meaning).
   */
  static final Query CITERS =
      QueryFactory.create(
          """
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE {
        { GRAPH ?g { ?c news:related ?a } } UNION { ?c news:sameStory ?a }
        FILTER (?c != ?a)
      } GROUP BY ?a
      """);

  static final Query KEPT =
      QueryFactory.create(
          """
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT ?a ?n WHERE { ?a news:citationCount ?n }
      """);

  static final Query LINKS =
      QueryFactory.create(
          """
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT DISTINCT ?a ?b WHERE { ?a news:related ?b }
      """);

  @TempDir Path db;
  @TempDir Path sites;

  @Test
  void laterRecordMergesTwoStoriesAndItsReplacementSplitsThem() throws IOException {
    try (CatalogFixture fixture = CatalogFixture.create(db)) {
      Set<Set<String>> face = Set.of(Set.of(iri(A1), iri(B1), iri(X1), iri(B2)));
      Set<Set<String>> robots = Set.of(Set.of(iri(C1), iri(D1), iri(C2), iri(E1)));
      assertThat(materialised(fixture)).isEqualTo(union(face, robots));
      assertAgreesWithIndependentAnswers(fixture);

      // The late record is copied to a folder of its own, so that it can be replaced in place.
      Path site = java.nio.file.Files.createDirectories(sites.resolve("site"));
      Path late = site.resolve("l1.md");
      java.nio.file.Files.copy(CatalogFixture.FOLDER.resolve("late/l1.md"), late);
      fixture.ingest(site);
      Set<String> merged = new HashSet<>(face.iterator().next());
      merged.addAll(robots.iterator().next());
      merged.add(iri(L1));
      assertThat(materialised(fixture)).containsExactly(merged);
      assertAgreesWithIndependentAnswers(fixture);
      assertThat(fixture.rows("stories", Map.of()))
          .extracting(
              r ->
                  String.join(
                      " ",
                      r.get("size"),
                      r.get("providers"),
                      r.get("first"),
                      r.get("last"),
                      r.get("firstReport")))
          .containsExactly("9 4 2021-03-01T08:00:00Z 2021-03-10T15:00:00+02:00 " + iri(X1));
      // The merge reaches across: x1 - a1 - l1 - c1.
      assertThat(fixture.rows("reach", Map.of("article", X1, "hops", "3")))
          .extracting(r -> r.get("reached") + " " + r.get("distance"))
          .containsExactlyInAnyOrder(
              iri(A1) + " 1", iri(B1) + " 2", iri(B2) + " 2", iri(L1) + " 2", iri(C1) + " 3");

      // The same file, saved again without its links: the story splits again.
      java.nio.file.Files.copy(
          CatalogFixture.FOLDER.resolve("late-unlinked/l1.md"),
          late,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      fixture.ingest(site);
      assertThat(materialised(fixture)).isEqualTo(union(face, robots));
      assertAgreesWithIndependentAnswers(fixture);
      assertThat(fixture.rows("first-report", Map.of("article", L1))).isEmpty();
    }
  }

  @Test
  void removingTheLinkingRecordSplitsTheStory() {
    try (CatalogFixture fixture = CatalogFixture.create(db)) {
      fixture.ingest("late");
      org.apache.jena.graph.Node graph = CatalogFixture.IRIS.articleGraph(L1);
      fixture.store().deleteGraphs(List.of(graph));
      StoryChange change =
          new StoryIndex(fixture.store(), CatalogFixture.IRIS).update(List.of(graph));
      assertThat(change.written()).isEqualTo(2);
      assertThat(materialised(fixture)).isEqualTo(componentsBySearch(fixture)).hasSize(2);
    }
  }

  @Test
  void realCorpusStoriesAreTheComponentsOfItsLinks() {
    Path corpus = Path.of("../shared/corpus/everyday-ai");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(corpus),
        "real corpus not found at " + corpus.toAbsolutePath() + "; skipped");
    try (CatalogFixture fixture = CatalogFixture.empty(db)) {
      fixture.ingestLeniently(corpus);
      Set<Set<String>> stories = materialised(fixture);
      assertThat(stories).isNotEmpty().isEqualTo(componentsBySearch(fixture));
    }
  }

  @Test
  void rebuildGivesWhatTheIncrementalUpdatesGave() {
    try (CatalogFixture fixture = CatalogFixture.create(db)) {
      fixture.ingest("late");
      Set<Set<String>> incremental = materialised(fixture);
      StoryChange change = new StoryIndex(fixture.store(), CatalogFixture.IRIS).rebuild();
      assertThat(change).isEqualTo(new StoryChange(1, 0));
      assertThat(materialised(fixture)).isEqualTo(incremental).hasSize(1);
    }
  }

  /** Membership equals a BFS over the links, and the stories query equals the plain SPARQL one. */
  private static void assertAgreesWithIndependentAnswers(CatalogFixture fixture)
      throws IOException {
    assertThat(materialised(fixture)).isEqualTo(componentsBySearch(fixture));
    assertThat(counts(fixture, KEPT)).isNotEmpty().isEqualTo(counts(fixture, CITERS));
    List<String> plain =
        fixture.rows(plainQuery()).stream()
            .map(
                r ->
                    String.join(
                        " ", r.get("size"), r.get("providers"), r.get("first"), r.get("last")))
            .sorted()
            .toList();
    List<String> viaIndex =
        fixture.rows("stories", Map.of()).stream()
            .map(
                r ->
                    String.join(
                        " ", r.get("size"), r.get("providers"), r.get("first"), r.get("last")))
            .sorted()
            .toList();
    assertThat(viaIndex).isEqualTo(plain).isNotEmpty();
  }

  private static Map<String, String> counts(CatalogFixture fixture, Query query) {
    Map<String, String> out = new HashMap<>();
    for (Map<String, String> row : fixture.rows(query)) {
      assertThat(out.put(row.get("a"), row.get("n"))).as("one count per article").isNull();
    }
    return out;
  }

  private static Set<Set<String>> materialised(CatalogFixture fixture) {
    Map<String, Set<String>> byStory = new HashMap<>();
    for (Map<String, String> row : fixture.rows(MEMBERSHIP)) {
      byStory.computeIfAbsent(row.get("story"), s -> new HashSet<>()).add(row.get("a"));
    }
    return new HashSet<>(byStory.values());
  }

  private static Set<Set<String>> componentsBySearch(CatalogFixture fixture) {
    Map<String, Set<String>> adjacent = new HashMap<>();
    for (Map<String, String> row : fixture.rows(LINKS)) {
      if (!row.get("a").equals(row.get("b"))) {
        adjacent.computeIfAbsent(row.get("a"), k -> new HashSet<>()).add(row.get("b"));
        adjacent.computeIfAbsent(row.get("b"), k -> new HashSet<>()).add(row.get("a"));
      }
    }
    Set<String> seen = new HashSet<>();
    Set<Set<String>> components = new HashSet<>();
    for (String start : adjacent.keySet()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<String> component = new HashSet<>(Set.of(start));
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        for (String next : adjacent.get(queue.poll())) {
          if (seen.add(next)) {
            component.add(next);
            queue.add(next);
          }
        }
      }
      components.add(component);
    }
    return components;
  }

  private static Query plainQuery() throws IOException {
    try (InputStream in = StoryIndexTest.class.getResourceAsStream("stories-plain.rq")) {
      return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Set<Set<String>> union(Set<Set<String>> one, Set<Set<String>> two) {
    return java.util.stream.Stream.of(one, two).flatMap(Set::stream).collect(Collectors.toSet());
  }
}
