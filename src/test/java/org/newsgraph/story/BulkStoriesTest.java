package org.newsgraph.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The stories computed from a load's stream: components of the related links with their summaries,
 * and a refusal (so the caller rebuilds from the store) when a link joins IRIs the scheme did not
 * mint. That the result equals the store-based rebuild on a whole corpus is shown by {@code
 * IncrementalIngestTest}, which compares a bulk load with batched transactions.
 */
class BulkStoriesTest {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);
  private static final Node G = NodeFactory.createURI(IriFactory.DEFAULT_BASE + "graph/article/x");

  @Test
  void componentsOfTwoOrMoreBecomeStoriesWithTheirEarliestReportAndProviders() {
    Node a = IRIS.article("https://one.example/a");
    Node b = IRIS.article("https://two.example/b");
    Node c = IRIS.article("https://three.example/c");
    Node d = IRIS.article("https://four.example/d");
    Node e = IRIS.article("https://five.example/e");
    BulkStories stories = new BulkStories(IRIS);
    stories.accept(Quad.create(G, a, NewsVocab.RELATED, b));
    stories.accept(Quad.create(G, c, NewsVocab.RELATED, b));
    stories.accept(Quad.create(G, d, NewsVocab.RELATED, d)); // a record citing itself is no story
    stories.accept(
        Quad.create(G, e, NewsVocab.SCHEMA_DATE_PUBLISHED, time("2021-03-01T00:00:00Z")));
    stories.accept(
        Quad.create(G, a, NewsVocab.SCHEMA_DATE_PUBLISHED, time("2021-03-02T10:00:00+02:00")));
    stories.accept(
        Quad.create(G, b, NewsVocab.SCHEMA_DATE_PUBLISHED, time("2021-03-02T09:00:00Z")));
    stories.accept(
        Quad.create(G, c, NewsVocab.SCHEMA_DATE_PUBLISHED, time("2021-03-05T00:00:00Z")));
    stories.accept(
        Quad.create(G, a, NewsVocab.SCHEMA_PUBLISHER, NodeFactory.createURI("https://p/1")));
    stories.accept(
        Quad.create(G, b, NewsVocab.SCHEMA_PUBLISHER, NodeFactory.createURI("https://p/2")));
    stories.accept(
        Quad.create(G, c, NewsVocab.SCHEMA_PUBLISHER, NodeFactory.createURI("https://p/1")));
    assertThat(stories.complete()).isTrue();

    Map<Node, Set<Quad>> graphs = emitted(stories);
    assertThat(graphs).hasSize(1);
    Set<Quad> story = graphs.values().iterator().next();
    Node node =
        story.stream()
            .filter(q -> q.getPredicate().equals(StoryNames.IN_STORY))
            .findFirst()
            .orElseThrow()
            .getObject();
    assertThat(story)
        .filteredOn(q -> q.getPredicate().equals(StoryNames.IN_STORY))
        .extracting(Quad::getSubject)
        .containsExactlyInAnyOrder(a, b, c);
    // 10:00+02:00 is 08:00Z, before b's 09:00Z: a is the first report
    assertThat(story)
        .contains(
            Quad.create(story.iterator().next().getGraph(), node, StorySummary.FIRST_REPORT, a));
    assertThat(value(story, StorySummary.FIRST_PUBLISHED)).isEqualTo("2021-03-02T10:00:00+02:00");
    assertThat(value(story, StorySummary.LAST_PUBLISHED)).isEqualTo("2021-03-05T00:00:00Z");
    assertThat(value(story, StorySummary.PROVIDER_COUNT)).isEqualTo("2");
    assertThat(value(story, StorySummary.SIZE)).isEqualTo("3");
  }

  @Test
  void anArticleDescribedWithSeveralDatesKeepsItsEarliestAndLatestAcrossManyArticles() {
    // 40,000 two-article stories whose members carry three dates each, out of order: more date
    // lexical forms than one page of the pool holds.
    BulkStories stories = new BulkStories(IRIS);
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      Node a = IRIS.article("https://one.example/a" + i);
      Node b = IRIS.article("https://two.example/b" + i);
      stories.accept(Quad.create(G, a, NewsVocab.RELATED, b));
      String day = String.format("2021-%02d-%02d", 1 + i % 12, 1 + i % 28);
      stories.accept(Quad.create(G, a, NewsVocab.SCHEMA_DATE_PUBLISHED, time(day + "T12:00:00Z")));
      stories.accept(Quad.create(G, a, NewsVocab.SCHEMA_DATE_PUBLISHED, time(day + "T08:00:00Z")));
      stories.accept(
          Quad.create(G, a, NewsVocab.SCHEMA_DATE_PUBLISHED, time(day + "T10:00:00-05:00")));
      stories.accept(Quad.create(G, b, NewsVocab.SCHEMA_DATE_PUBLISHED, time(day + "T09:00:00Z")));
    }
    assertThat(stories.complete()).isTrue();
    Map<Node, Set<Quad>> graphs = emitted(stories);
    assertThat(graphs).hasSize(n);
    for (Set<Quad> story : graphs.values()) {
      String first = value(story, StorySummary.FIRST_PUBLISHED);
      String last = value(story, StorySummary.LAST_PUBLISHED);
      String day = first.substring(0, 10);
      assertThat(first).isEqualTo(day + "T08:00:00Z");
      assertThat(last).as("10:00-05:00 is 15:00Z, the latest").isEqualTo(day + "T10:00:00-05:00");
    }
  }

  @Test
  void membersKeepTheirDistinctCitersPerKindOfStory() {
    Node a = IRIS.article("https://one.example/a");
    Node b = IRIS.article("https://two.example/b");
    Node c = IRIS.article("https://three.example/c");
    Node d = IRIS.article("https://four.example/d");
    Node other = NodeFactory.createURI(IriFactory.DEFAULT_BASE + "graph/article/y");
    Node inferred = NodeFactory.createURI(IriFactory.DEFAULT_BASE + "graph/inferred/z");
    List<Quad> load =
        List.of(
            Quad.create(G, a, NewsVocab.RELATED, b),
            Quad.create(other, a, NewsVocab.RELATED, b), // the same link in a second graph
            Quad.create(G, c, NewsVocab.RELATED, b),
            Quad.create(G, b, NewsVocab.RELATED, b), // itself: not a citer
            Quad.create(inferred, d, NewsVocab.SAME_STORY, b),
            Quad.create(inferred, b, NewsVocab.SAME_STORY, d),
            Quad.create(inferred, a, NewsVocab.SAME_STORY, b)); // a cites b both ways: once
    BulkStories all = new BulkStories(IRIS, StoryKind.ALL);
    BulkStories given = new BulkStories(IRIS, StoryKind.GIVEN);
    load.forEach(all::accept);
    load.forEach(given::accept);

    assertThat(counts(emitted(all), StoryKind.ALL)).isEqualTo(Map.of(b, 3, d, 1));
    assertThat(counts(emitted(given), StoryKind.GIVEN)).isEqualTo(Map.of(b, 2));
  }

  private static Map<Node, Integer> counts(Map<Node, Set<Quad>> graphs, StoryKind kind) {
    Map<Node, Integer> out = new HashMap<>();
    for (Set<Quad> story : graphs.values()) {
      for (Quad q : story) {
        if (q.getPredicate().equals(kind.citationCount())) {
          assertThat(
                  out.put(q.getSubject(), Integer.valueOf(q.getObject().getLiteralLexicalForm())))
              .isNull();
        }
      }
    }
    return out;
  }

  @Test
  void aLinkBetweenIrisTheSchemeDidNotMintIsRefused() {
    BulkStories stories = new BulkStories(IRIS);
    stories.accept(
        Quad.create(
            G,
            IRIS.article("https://one.example/a"),
            NewsVocab.RELATED,
            NodeFactory.createURI("https://elsewhere.example/article/1")));
    assertThat(stories.complete()).isFalse();
  }

  private static Node time(String lexical) {
    return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdateTime);
  }

  private static String value(Set<Quad> story, Node predicate) {
    return story.stream()
        .filter(q -> q.getPredicate().equals(predicate))
        .findFirst()
        .orElseThrow()
        .getObject()
        .getLiteralLexicalForm();
  }

  private static Map<Node, Set<Quad>> emitted(BulkStories stories) {
    Map<Node, Set<Quad>> out = new HashMap<>();
    stories.emit(
        new StreamRDFBase() {
          @Override
          public void quad(Quad quad) {
            out.computeIfAbsent(quad.getGraph(), g -> new HashSet<>()).add(quad);
          }
        });
    return out;
  }
}
