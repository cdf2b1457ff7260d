package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsgraph.query.CatalogFixture.iri;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.OutputFormat;

/**
 * Every catalog query on the fixture corpus. The expected answers were worked out by hand from the
 * records in {@code fixtures/catalog/base} (see the comments), not by running the queries.
 */
class CatalogQueriesTest {

  static final String A1 = "https://alpha.example/news/face-law";
  static final String B1 = "https://beta.example/face-politics";
  static final String X1 = "https://gamma.example/face-ban";
  static final String B2 = "https://beta.example/face-followup";
  static final String C1 = "https://gamma.example/robots-warehouse";
  static final String D1 = "https://delta.example/robot-arms";
  static final String C2 = "https://alpha.example/robot-jobs";
  static final String E1 = "https://delta.example/chip-news";
  static final String F1 = "https://alpha.example/story-amp";
  static final String F2 = "https://alpha.example/story-original";
  static final String TOPIC = "https://w3id.org/newsgraph/id/topic/";

  @TempDir static Path db;
  static CatalogFixture fixture;

  @BeforeAll
  static void ingest() {
    fixture = CatalogFixture.create(db);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  static List<String> column(List<Map<String, String>> rows, String name) {
    return rows.stream().map(r -> r.get(name)).toList();
  }

  @Test
  void coverageListsLinksInBothDirections() {
    // a1 cites b1, x1, b2; b1 cites a1 back.
    List<Map<String, String>> rows = fixture.rows("coverage", Map.of("article", A1));
    assertThat(rows)
        .extracting(r -> r.get("direction") + " " + r.get("related"))
        .containsExactlyInAnyOrder(
            "cites " + iri(X1), "cites " + iri(B1), "cited-by " + iri(B1), "cites " + iri(B2));
    assertThat(column(rows, "published")).isSorted();
  }

  @Test
  void reachGivesShortestDistanceWithinHops() {
    // x1 - a1 (1); a1 - b1, a1 - b2 (2); nothing further in the face story.
    List<Map<String, String>> two = fixture.rows("reach", Map.of("article", X1));
    assertThat(two)
        .extracting(r -> r.get("reached") + " " + r.get("distance"))
        .containsExactly(iri(A1) + " 1", iri(B1) + " 2", iri(B2) + " 2");
    List<Map<String, String>> one = fixture.rows("reach", Map.of("article", X1, "hops", "1"));
    assertThat(column(one, "reached")).containsExactly(iri(A1));
    // c2 - d1 (1); d1 - c1, d1 - e1 (2): e1 was cited under a tracking URL and still meets its
    // record.
    List<Map<String, String>> robots = fixture.rows("reach", Map.of("article", C2, "hops", "4"));
    assertThat(robots)
        .extracting(r -> r.get("reached") + " " + r.get("distance"))
        .containsExactlyInAnyOrder(iri(D1) + " 1", iri(C1) + " 2", iri(E1) + " 2");
  }

  @Test
  void storiesAreLargestFirstWithProvidersDatesAndFirstReport() {
    // face story: a1 b1 x1 b2 (alpha, beta, gamma), 03-01 08:00 (x1) to 03-03 09:00 (b2);
    // robot story: c1 d1 c2 e1 (gamma, delta, alpha), 03-04 09:30 (d1) to 03-10 15:00+02:00 (e1).
    List<Map<String, String>> rows = fixture.rows("stories", Map.of());
    assertThat(rows)
        .extracting(
            r ->
                String.join(
                    " ",
                    r.get("size"),
                    r.get("providers"),
                    r.get("first"),
                    r.get("last"),
                    r.get("firstReport")))
        .containsExactly(
            "4 3 2021-03-01T08:00:00Z 2021-03-03T09:00:00Z " + iri(X1),
            "4 3 2021-03-04T09:30:00Z 2021-03-10T15:00:00+02:00 " + iri(D1));
    assertThat(rows.get(0).get("firstTitle")).isEqualTo("City bans face recognition");
  }

  @Test
  void storiesFilterByTopicIncludingNarrowerAndByDateRange() {
    String face = iri(X1);
    String robots = iri(D1);
    assertThat(column(fixture.rows("stories", Map.of("topic", "Robotics")), "firstReport"))
        .containsExactly(robots);
    assertThat(column(fixture.rows("stories", Map.of("topic", "computer-vision")), "firstReport"))
        .containsExactly(face);
    // AI covers computer vision (taxonomy) and d1 is about AI directly.
    assertThat(column(fixture.rows("stories", Map.of("topic", "AI")), "firstReport"))
        .containsExactly(face, robots);
    assertThat(column(fixture.rows("stories", Map.of("from", "2021-03-04")), "firstReport"))
        .containsExactly(robots);
    assertThat(column(fixture.rows("stories", Map.of("to", "2021-03-03")), "firstReport"))
        .containsExactly(face);
    assertThat(fixture.rows("stories", Map.of("limit", "1"))).hasSize(1);
  }

  @Test
  void firstReportListsEveryReportWithItsLag() {
    // From x1 at 03-01 08:00: a1 +1d2h, b1 +1d14h, b2 +2d1h.
    List<Map<String, String>> rows = fixture.rows("first-report", Map.of("article", B1));
    assertThat(column(rows, "report")).containsExactly(iri(X1), iri(A1), iri(B1), iri(B2));
    assertThat(column(rows, "lag").stream().map(CatalogQueriesTest::seconds).toList())
        .containsExactly(0L, 26 * 3600L, 38 * 3600L, 49 * 3600L);
    assertThat(fixture.rows("first-report", Map.of("article", F1))).isEmpty();
  }

  @Test
  void providerLinksCountsWhoCitesWhomWithSelfCitationsApart() {
    // a1->b1, a1->b2 (alpha->beta 2), a1->x1, b1->a1, c1->d1, d1->c2; self: b1->b2, d1->e1.
    assertThat(fixture.rows("provider-links", Map.of()))
        .extracting(r -> r.get("citing") + ">" + r.get("cited") + " " + r.get("count"))
        .containsExactly(
            "alpha.example>beta.example 2",
            "alpha.example>gamma.example 1",
            "beta.example>alpha.example 1",
            "delta.example>alpha.example 1",
            "gamma.example>delta.example 1");
    assertThat(fixture.rows("provider-links", Map.of("self", "only")))
        .extracting(r -> r.get("citing") + ">" + r.get("cited") + " " + r.get("count"))
        .containsExactly("beta.example>beta.example 1", "delta.example>delta.example 1");
    assertThat(fixture.rows("provider-links", Map.of("self", "include"))).hasSize(7);
  }

  @Test
  void topicCoverageCountsNarrowerTopics() {
    // ai: a1 (cv), b1, d1, e1; cv: a1 b1; robotics: c1 d1; chips: f1 f2.
    assertThat(fixture.rows("topic-coverage", Map.of()))
        .extracting(
            r ->
                String.join(
                    " ",
                    r.get("label"),
                    r.get("articles"),
                    r.get("providers"),
                    r.get("first"),
                    r.get("last")))
        .containsExactly(
            "AI 4 3 2021-03-02T10:00:00Z 2021-03-10T15:00:00+02:00",
            "Chips 2 1 2021-02-15T08:00:00Z 2021-02-15T09:00:00Z",
            "Computer Vision 2 2 2021-03-02T10:00:00Z 2021-03-02T22:00:00Z",
            "Robotics 2 2 2021-03-04T09:30:00Z 2021-03-05T12:00:00Z");
  }

  @Test
  void topicCooccurrencePairsTopicsBySharedArticles() {
    // b1: ai + computer vision; d1: ai + robotics.
    assertThat(fixture.rows("topic-cooccurrence", Map.of()))
        .extracting(r -> r.get("labelA") + "+" + r.get("labelB") + " " + r.get("shared"))
        .containsExactly("AI+Computer Vision 1", "AI+Robotics 1");
    assertThat(fixture.rows("topic-cooccurrence", Map.of("topic", "robotics")))
        .extracting(r -> r.get("topicA") + " " + r.get("topicB"))
        .containsExactly(TOPIC + "robotics " + TOPIC + "ai");
    assertThat(fixture.rows("topic-cooccurrence", Map.of("min", "2"))).isEmpty();
  }

  @Test
  void providerProfileShowsMonthsTopicsAndMostCited() {
    // alpha: f1 f2 (2021-02), a1 c2 (2021-03); topics chips 2, computer vision 1;
    // cited: a1 by b1, c2 by d1.
    List<String> rows =
        fixture.rows("provider-profile", Map.of("provider", "alpha.example")).stream()
            .map(r -> r.get("section") + " " + r.get("item") + " " + r.get("count"))
            .toList();
    String first = iri(A1).compareTo(iri(C2)) < 0 ? iri(A1) : iri(C2);
    String second = first.equals(iri(A1)) ? iri(C2) : iri(A1);
    assertThat(rows)
        .containsExactly(
            "month 2021-02 2",
            "month 2021-03 2",
            "topic " + TOPIC + "chips 2",
            "topic " + TOPIC + "computer-vision 1",
            "cited " + first + " 1",
            "cited " + second + " 1");
  }

  @Test
  void timelineBucketsByDayWeekAndMonth() {
    assertThat(fixture.rows("timeline", Map.of("topic", "robotics")))
        .extracting(r -> r.get("period") + " " + r.get("articles"))
        .containsExactly("2021-03-04 1", "2021-03-05 1");
    // Robot story: d1 Thu 03-04, c1 Fri 03-05, c2 Sat 03-06 -> week of Mon 03-01; e1 Wed 03-10 ->
    // 03-08.
    assertThat(fixture.rows("story-timeline", Map.of("article", C1, "granularity", "week")))
        .extracting(r -> r.get("period") + " " + r.get("articles"))
        .containsExactly("2021-03-01 3", "2021-03-08 1");
    // AI and its narrower computer vision: a1 b1 d1 e1, all in March.
    assertThat(fixture.rows("timeline", Map.of("topic", "ai", "granularity", "month")))
        .extracting(r -> r.get("period") + " " + r.get("articles"))
        .containsExactly("2021-03 4");
    assertThat(fixture.rows("timeline", Map.of("topic", "chips", "granularity", "week")))
        .extracting(r -> r.get("period") + " " + r.get("articles"))
        .containsExactly("2021-02-15 2");
    assertThatThrownBy(() -> fixture.rows("timeline", Map.of("topic", "ai", "granularity", "year")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("[day, week, month]");
  }

  @Test
  void storyGraphIsTheStoryAsRdfInAnyRdfSyntax() {
    QueryRunner runner = new QueryRunner(fixture.store(), QueryCatalog.load(), CatalogFixture.IRIS);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    runner.runNamed("story-graph", Map.of("article", C1), OutputFormat.NT, out);
    org.apache.jena.graph.Graph graph =
        org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    org.apache.jena.riot.RDFParser.fromString(
            out.toString(java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.NT)
        .parse(graph);
    // Robot story: c1 -> d1, d1 -> c2, d1 -> e1; four members.
    org.apache.jena.graph.Node related = org.newsgraph.vocab.NewsVocab.RELATED;
    assertThat(graph.find(null, related, null).toList())
        .extracting(t -> t.getSubject().getURI() + ">" + t.getObject().getURI())
        .containsExactlyInAnyOrder(
            iri(C1) + ">" + iri(D1), iri(D1) + ">" + iri(C2), iri(D1) + ">" + iri(E1));
    assertThat(graph.find(null, org.newsgraph.story.StoryNames.IN_STORY, null).toList()).hasSize(4);
    assertThat(
            graph
                .find(
                    CatalogFixture.article(E1), org.newsgraph.vocab.NewsVocab.SCHEMA_HEADLINE, null)
                .toList())
        .extracting(t -> t.getObject().getLiteralLexicalForm())
        .containsExactly("New AI chip");
    java.io.ByteArrayOutputStream turtle = new java.io.ByteArrayOutputStream();
    runner.runNamed("story-graph", Map.of("article", C1), OutputFormat.TEXT, turtle);
    assertThat(turtle.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("news:inStory");
    assertThatThrownBy(
            () ->
                runner.runNamed(
                    "story-graph",
                    Map.of("article", C1),
                    OutputFormat.CSV,
                    new java.io.ByteArrayOutputStream()))
        .isInstanceOf(QueryException.class);
  }

  @Test
  void danglingCountsLinksToArticlesWithoutRecords() {
    // b2 cited by a1 and b1 (beta 2 links, 1 article); x1 by a1 (gamma); c2 by d1 (alpha).
    assertThat(fixture.rows("dangling", Map.of()))
        .extracting(r -> r.get("provider") + " " + r.get("links") + " " + r.get("missing"))
        .containsExactly("beta.example 2 1", "alpha.example 1 1", "gamma.example 1 1");
  }

  @Test
  void duplicatesFindSeveralUrlsAndSharedUrls() {
    // e1 is cited with ?utm_source=feed; f1's original URL is f2's web URL.
    List<Map<String, String>> rows = fixture.rows("duplicates", Map.of());
    String f1 = iri(F1);
    String f2 = iri(F2);
    assertThat(rows)
        .extracting(r -> r.get("kind") + " " + r.get("article") + " " + r.get("other"))
        .containsExactly(
            "same-article " + (f1.compareTo(f2) < 0 ? f1 + " " + f2 : f2 + " " + f1),
            "urls " + iri(E1) + " null");
    assertThat(rows.get(0).get("urls")).isEqualTo(F2);
    assertThat(rows.get(1).get("urls").split(" "))
        .containsExactlyInAnyOrder(E1, E1 + "?utm_source=feed");
  }

  @Test
  void topLinkedCountsDistinctCitingArticles() {
    // b2 is cited by a1 and b1; a1, b1, x1, d1, c2, e1 once each.
    List<Map<String, String>> rows = fixture.rows("top-linked", Map.of());
    assertThat(rows.get(0)).containsEntry("article", iri(B2)).containsEntry("citations", "2");
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.get("article") + " " + r.get("citations"))
        .containsExactlyInAnyOrder(
            iri(A1) + " 1",
            iri(B1) + " 1",
            iri(X1) + " 1",
            iri(D1) + " 1",
            iri(C2) + " 1",
            iri(E1) + " 1");
    assertThat(fixture.rows("top-linked", Map.of("limit", "3"))).hasSize(3);
  }

  @Test
  void searchFindsArticlesByTheWordsOfTheirHeadlinesWithTheirStories() {
    // Both words: b1 "Face recognition politics", x1 "City bans face recognition" (x1 has no
    // record: its headline is the one a1 gives it); both in the face story.
    List<Map<String, String>> rows = fixture.rows("search", Map.of("words", "Face recognition"));
    assertThat(column(rows, "article")).containsExactlyInAnyOrder(iri(B1), iri(X1));
    assertThat(column(rows, "headline"))
        .containsExactlyInAnyOrder("Face recognition politics", "City bans face recognition");
    assertThat(column(rows, "provider")).containsExactlyInAnyOrder("Beta Daily", "Gamma Wire");
    assertThat(column(rows, "story")).doesNotContainNull().containsOnly(rows.get(0).get("story"));
    assertThat(column(rows, "score").stream().map(Double::parseDouble).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // a1 and b1 on 03-02; x1 on 03-01 and b2 on 03-03 fall outside.
    assertThat(
            column(
                fixture.rows(
                    "search", Map.of("words", "face", "from", "2021-03-02", "to", "2021-03-02")),
                "article"))
        .containsExactlyInAnyOrder(iri(A1), iri(B1));
    assertThat(fixture.rows("search", Map.of("words", "face", "limit", "3"))).hasSize(3);
    // e1 is in the robot story; the chip-shortage articles (f1, f2) are in none.
    List<Map<String, String>> chips = fixture.rows("search", Map.of("words", "chip"));
    assertThat(chips).hasSize(3);
    assertThat(chips)
        .allSatisfy(
            r -> assertThat(r.get("story") != null).isEqualTo(r.get("article").equals(iri(E1))));
    assertThat(fixture.rows("search", Map.of("words", "zeppelin"))).isEmpty();
  }

  @Test
  void parametersAreBoundAsTermsNeverAsText() {
    assertThat(fixture.rows("stories", Map.of("topic", "\" } ; DROP ALL #"))).isEmpty();
    assertThatThrownBy(() -> fixture.rows("stories", Map.of("from", "last week")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("not a valid date");
    assertThatThrownBy(() -> fixture.rows("top-linked", Map.of("limit", "0")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("positive integer");
  }

  private static long seconds(String duration) {
    return org.apache.jena.sparql.expr.NodeValue.makeNode(
                duration, null, "http://www.w3.org/2001/XMLSchema#duration")
            .getDuration()
            .getTimeInMillis(new java.util.Date(0))
        / 1000;
  }
}
