package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.infer.InferenceSite;
import org.newsgraph.serve.NewsgraphServer;
import org.newsgraph.serve.ServeSettings;

/**
 * The named queries over inferred links: {@code links=given|all}, {@code similar} and {@code
 * syndication}, on the catalog fixture plus a small site with one inferred story and one copy,
 * ingested with inference on; and the same rows over HTTP as on the command line.
 */
@Tag("slow")
class InferredQueriesTest {

  @TempDir static Path tmp;
  private static CatalogFixture fixture;
  private static NewsgraphServer server;
  private static final String ZOOX_2 = "https://motor.example/zoox-2";

  @BeforeAll
  static void start() throws Exception {
    fixture = CatalogFixture.inferred(tmp.resolve("db"), InferenceSite.write(tmp.resolve("site")));
    server =
        NewsgraphServer.builder(fixture.store())
            .port(0)
            .settings(new ServeSettings(Duration.ofSeconds(20), 10_000))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    fixture.close();
  }

  private static List<Map<String, String>> rows(String name, Map<String, String> params) {
    return fixture.rows(name, params);
  }

  @Test
  void coverageReadsInferredLinksOnlyWithLinksAll() {
    Map<String, String> zoox = Map.of("article", InferenceSite.ZOOX);
    assertThat(rows("coverage", Map.of("article", InferenceSite.ZOOX, "links", "given"))).isEmpty();
    assertThat(rows("coverage", zoox))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("direction")).isEqualTo("same-story");
              assertThat(row.get("related")).isEqualTo(CatalogFixture.iri(ZOOX_2));
            });
  }

  @Test
  void reachTopLinkedAndProviderLinksCountInferredLinksWithLinksAll() {
    assertThat(rows("reach", Map.of("article", InferenceSite.ZOOX, "hops", "1")))
        .extracting(r -> r.get("reached"))
        .containsExactly(CatalogFixture.iri(ZOOX_2));
    assertThat(rows("reach", Map.of("article", InferenceSite.ZOOX, "links", "given"))).isEmpty();
    assertThat(rows("top-linked", Map.of("limit", "1000")))
        .extracting(r -> r.get("article"))
        .contains(CatalogFixture.iri(InferenceSite.ZOOX));
    assertThat(rows("top-linked", Map.of("limit", "1000", "links", "given")))
        .extracting(r -> r.get("article"))
        .doesNotContain(CatalogFixture.iri(InferenceSite.ZOOX));
    assertThat(rows("provider-links", Map.of()))
        .extracting(r -> r.get("citing") + ">" + r.get("cited") + " " + r.get("count"))
        .contains("reuters.example>motor.example 1", "motor.example>reuters.example 1");
    assertThat(rows("provider-links", Map.of("links", "given")))
        .extracting(r -> r.get("citing"))
        .doesNotContain("reuters.example", "motor.example");
  }

  @Test
  void storyQueriesReadTheStoriesOfTheLinksAsked() {
    String zoox = CatalogFixture.iri(InferenceSite.ZOOX);
    assertThat(rows("stories", Map.of("limit", "1000")))
        .extracting(r -> r.get("firstReport"))
        .contains(zoox);
    assertThat(rows("stories", Map.of("limit", "1000", "links", "given")))
        .extracting(r -> r.get("firstReport"))
        .doesNotContain(zoox);
    assertThat(rows("first-report", Map.of("article", InferenceSite.ZOOX)))
        .extracting(r -> r.get("report"))
        .containsExactly(zoox, CatalogFixture.iri(ZOOX_2));
    assertThat(rows("first-report", Map.of("article", InferenceSite.ZOOX, "links", "given")))
        .isEmpty();
    assertThat(rows("story-timeline", Map.of("article", InferenceSite.ZOOX)))
        .extracting(r -> r.get("period"))
        .containsExactly("2020-04-15", "2020-04-16");
    // Every article of the given stories is in one story of each kind.
    assertThat(rows("stories", Map.of("limit", "1000", "links", "given"))).isNotEmpty();
    // search shows the story of the kind asked: the two Zoox reports are one only by inference.
    assertThat(rows("search", Map.of("words", "Zoox Tesla lawsuit")))
        .filteredOn(r -> r.get("article").equals(zoox))
        .singleElement()
        .satisfies(r -> assertThat(r.get("story")).isNotEmpty());
    assertThat(rows("search", Map.of("words", "Zoox Tesla lawsuit", "links", "given")))
        .filteredOn(r -> r.get("article").equals(zoox))
        .singleElement()
        .satisfies(r -> assertThat(r.get("story")).isNullOrEmpty());
  }

  @Test
  void similarListsScoresAndRelations() {
    assertThat(rows("similar", Map.of("article", InferenceSite.ZOOX)))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("other")).isEqualTo(CatalogFixture.iri(ZOOX_2));
              assertThat(row.get("relation")).isEqualTo("same-story");
              assertThat(Double.parseDouble(row.get("score"))).isBetween(0.325, 1.0);
              assertThat(row.get("title")).contains("Zoox");
            });
    assertThat(rows("similar", Map.of("article", InferenceSite.WIDGET_COPY)))
        .extracting(r -> r.get("relation"))
        .containsExactly("copy-of");
  }

  @Test
  void syndicationCountsCopiesByProviderPair() {
    assertThat(rows("syndication", Map.of()))
        .extracting(r -> r.get("republisher") + ">" + r.get("original") + " " + r.get("copies"))
        .containsExactly("wire.example>acme.example 1");
    assertThat(rows("syndication", Map.of("self", "only"))).isEmpty();
  }

  @Test
  void statsCountGivenAndInferredLinksApart() {
    Map<String, String> stats = fixture.rows(StatsQuery.QUERY).get(0);
    List<Map<String, String>> pairs =
        fixture.rows(
            org.apache.jena.query.QueryFactory.create(
                "PREFIX news: <https://w3id.org/newsgraph/ns#> SELECT DISTINCT ?x ?y WHERE {"
                    + " ?x news:sameStory ?y FILTER (STR(?x) < STR(?y)) }"));
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(2); // the site's story and copy, at least
    assertThat(stats.get("inferred")).isEqualTo(Integer.toString(pairs.size()));
    assertThat(stats.get("copies")).isEqualTo("1");
    assertThat(Integer.parseInt(stats.get("links"))).isPositive();
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of("coverage", Map.of("article", InferenceSite.ZOOX, "links", "all")),
        Arguments.of("coverage", Map.of("article", InferenceSite.ZOOX, "links", "given")),
        Arguments.of("reach", Map.of("article", InferenceSite.ZOOX, "links", "all")),
        Arguments.of("top-linked", Map.of("links", "given", "limit", "5")),
        Arguments.of("top-linked", Map.of("links", "all", "limit", "5")),
        Arguments.of("provider-links", Map.of("links", "all")),
        Arguments.of("similar", Map.of("article", InferenceSite.ZOOX)),
        Arguments.of("stories", Map.of("links", "given")),
        Arguments.of("first-report", Map.of("article", InferenceSite.ZOOX, "links", "all")),
        Arguments.of("syndication", Map.of()),
        Arguments.of("search", Map.of("words", "zoox", "links", "given")),
        Arguments.of("search", Map.of("words", "zoox")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void httpAndTheCommandLineGiveTheSameRows(String name, Map<String, String> params)
      throws Exception {
    assertThat(QueryOverHttp.rows(server, name, params)).isEqualTo(rows(name, params));
  }
}
