package org.newsgraph.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Problem;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/** Related entries and the cited articles' own records meet on one node, whatever came first. */
class IdentityTest {

  private final RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
  private final RecordMapper mapper = new RecordMapper(IriFactory.of(IriFactory.DEFAULT_BASE));
  private final IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);

  private static final String CITING =
      """
      ---
      title: Citing story
      webUrl: https://citing.example.com/a
      provider:
        name: Citing Paper
        domain: citing.example.com
      related:
        - title: "Cited story, as the citing record saw it"
          webUrl: http://www.cited.example.org/story/1/?utm_source=x
          provider:
            name: "A headline where a name should be"
            domain: cited.example.org
        - title: The same story through its AMP cache URL
          webUrl: https://www-cited-example-org.cdn.ampproject.org/c/s/www.cited.example.org/story/1/amp/
          provider:
            name: Another headline
            domain: cited.example.org
      ---
      """;

  private static final String CITED =
      """
      ---
      title: Cited story
      webUrl: https://www.cited.example.org/story/1
      ampWebUrl: https://www.cited.example.org/story/1/amp
      provider:
        name: Cited Times
        domain: cited.example.org
      ---
      """;

  @Test
  void recordGraphsAreToldApartFromProjectAndDerivedGraphs() {
    assertThat(iris.isRecordGraph(iris.articleGraph("https://example.org/a"))).isTrue();
    assertThat(iris.isRecordGraph(iris.topicGraph("ai"))).isTrue();
    assertThat(iris.isRecordGraph(iris.tagGraph("nlp"))).isTrue();
    assertThat(iris.isRecordGraph(iris.organizationGraph("bbc.com"))).isTrue();
    assertThat(iris.isRecordGraph(iris.systemGraph("ontology"))).isFalse();
    assertThat(iris.isRecordGraph(iris.systemGraph("story-state"))).isFalse();
    assertThat(
            iris.isRecordGraph(
                org.apache.jena.graph.NodeFactory.createURI(iris.base() + "graph/story/abc")))
        .isFalse();
    assertThat(
            iris.isRecordGraph(
                org.apache.jena.graph.NodeFactory.createURI(
                    "https://other.example/graph/article/x")))
        .isFalse();
  }

  @Test
  void relatedEntriesMeetTheCitedArticleInEitherOrder() {
    for (List<String> order : List.of(List.of(CITING, CITED), List.of(CITED, CITING))) {
      DatasetGraph ds = DatasetGraphFactory.createTxnMem();
      for (String text : order) {
        load(ds, text);
      }
      Node cited = iris.article("https://www.cited.example.org/story/1");
      Node citing = iris.article("https://citing.example.com/a");
      assertThat(ds.contains(Node.ANY, citing, NewsVocab.RELATED, cited)).isTrue();
      // Both related entries are the same article: one link, one node.
      assertThat(Iter.toList(ds.find(Node.ANY, citing, NewsVocab.RELATED, Node.ANY))).hasSize(1);
      assertThat(
              ds.contains(
                  iris.articleGraph("https://www.cited.example.org/story/1"),
                  cited,
                  NewsVocab.SCHEMA_HEADLINE,
                  NodeFactory.createLiteralString("Cited story")))
          .isTrue();
    }
  }

  @Test
  void theProvidersOwnRecordNamesItAndCitingRecordsKeepWhatTheySaid() {
    DatasetGraph ds = DatasetGraphFactory.createTxnMem();
    load(ds, CITING);
    load(ds, CITED);
    Node provider = iris.provider("cited.example.org");
    assertThat(Iter.toList(ds.find(Node.ANY, provider, NewsVocab.SCHEMA_NAME, Node.ANY)))
        .extracting(q -> q.getObject().getLiteralLexicalForm())
        .containsExactly("Cited Times");
    Node citingGraph = iris.articleGraph("https://citing.example.com/a");
    assertThat(Iter.toList(ds.find(citingGraph, provider, NewsVocab.NAME_AS_CITED, Node.ANY)))
        .extracting(q -> q.getObject().getLiteralLexicalForm())
        .containsExactlyInAnyOrder("A headline where a name should be", "Another headline");
  }

  @Test
  void anOrganizationRecordNamesItsProviderNode() {
    DatasetGraph ds = DatasetGraphFactory.createTxnMem();
    load(ds, CITING);
    load(
        ds,
        "---\ntaxonomy: organization\n_id: cited.example.org\nname: Cited Times Group\n"
            + "domain: cited.example.org\n---\n");
    assertThat(
            Iter.toList(
                ds.find(
                    Node.ANY, iris.provider("cited.example.org"), NewsVocab.SCHEMA_NAME, Node.ANY)))
        .extracting(q -> q.getObject().getLiteralLexicalForm())
        .containsExactly("Cited Times Group");
  }

  @Test
  void taxonomyIdsAndArticleTopicNamesLandOnOneNode() {
    assertThat(iris.topic("Computer Vision")).isEqualTo(iris.topic("computer-vision"));
    assertThat(iris.topic("AI in Autos")).isEqualTo(iris.topic("ai-in-autos"));
  }

  private void load(DatasetGraph ds, String text) {
    ReadResult r =
        reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.md");
    assertThat(r.problems()).isEmpty();
    List<Problem> problems = new ArrayList<>();
    for (Record record : r.records()) {
      Node graph =
          mapper.map(
              record,
              new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                  ds.add(quad);
                }
              },
              problems);
      assertThat(graph).isNotNull();
    }
    assertThat(problems).isEmpty();
  }
}
