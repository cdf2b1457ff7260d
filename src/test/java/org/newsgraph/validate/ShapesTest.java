package org.newsgraph.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.newsgraph.vocab.IriFactory;

/** Each shape rejects what it is there to reject, with its own message. */
class ShapesTest {

  private static final String PREFIXES =
      """
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      PREFIX schema: <http://schema.org/>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      PREFIX : <https://w3id.org/newsgraph/id/>
      """;
  private static final String ARTICLE =
      """
      :article\\/a a news:Article ; schema:headline "A" ; news:canonicalUrl <https://a.example.com/a> ;
          schema:url <https://a.example.com/a> .
      """;

  private final ShapesValidator validator =
      new ShapesValidator(IriFactory.of(IriFactory.DEFAULT_BASE));

  private List<String> check(String turtle) {
    Graph data = GraphFactory.createDefaultGraph();
    RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(data);
    Node g = NodeFactory.createURI("https://w3id.org/newsgraph/id/graph/article/a");
    List<String> out = new ArrayList<>();
    validator.validateGraph(g, data, v -> out.add(v.path() + ": " + v.message()));
    return out;
  }

  @Test
  void aWellFormedArticleConforms() {
    assertThat(check(ARTICLE)).isEmpty();
  }

  @Test
  void articleDatesMustBeDateTimesAndHeatAtLeastMinusOne() {
    assertThat(check(ARTICLE + ":article\\/a schema:datePublished \"2021-03-02\" ; news:heat -2 ."))
        .containsExactlyInAnyOrder(
            "schema:datePublished: datePublished must be one xsd:dateTime",
            "news:heat: heat is an integer, -1 meaning unknown");
  }

  @Test
  void aCoverageLinkMustPointToAnotherArticle() {
    assertThat(check(ARTICLE + ":article\\/a news:related :article\\/a , :provider\\/x ."))
        .containsExactlyInAnyOrder(
            "news:related: a coverage link must point to a news:Article",
            ": an article is listed as related to itself");
  }

  @Test
  void providersNeedOneLowerCaseDomain() {
    assertThat(check(":provider\\/x a news:Provider ; news:domain \"Example.COM\" ."))
        .containsExactly("news:domain: a provider needs exactly one lower-case domain name");
  }

  @Test
  void topicsNeedANameAndImagesAUrlOrPath() {
    assertThat(
            check(
                ":topic\\/t a news:Topic , skos:Concept . :image\\/i a news:Image ; news:width -1 ."))
        .containsExactlyInAnyOrder(
            "schema:name: a topic needs a name",
            ": an image needs its URL or its site path",
            "news:width: width is one non-negative integer");
  }
}
