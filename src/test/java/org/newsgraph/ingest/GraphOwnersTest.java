package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.newsgraph.map.IriFactory;

class GraphOwnersTest {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @Test
  void namesTheEarlierFileOfAGraphWrittenTwiceWhateverItsName() {
    GraphOwners owners = new GraphOwners(IriFactory.DEFAULT_BASE + "graph/article/");
    Node article = IRIS.articleGraph("https://one.example/a");
    Node taxonomy = NodeFactory.createURI(IriFactory.DEFAULT_BASE + "graph/taxonomy/topics");
    assertThat(owners.put(article, "corpus/ünïcode/a.md")).isNull();
    assertThat(owners.put(taxonomy, "corpus/_data/topics.yml")).isNull();
    assertThat(owners.put(IRIS.articleGraph("https://one.example/b"), "corpus/page.json")).isNull();
    assertThat(owners.put(IRIS.articleGraph("https://one.example/c"), "corpus/page.json")).isNull();
    assertThat(owners.contains(article)).isTrue();
    assertThat(owners.contains(IRIS.articleGraph("https://one.example/z"))).isFalse();

    assertThat(owners.put(article, "later/a.md")).isEqualTo("corpus/ünïcode/a.md");
    assertThat(owners.put(article, "latest/a.md")).isEqualTo("later/a.md");
    assertThat(owners.put(taxonomy, "later/topics.yml")).isEqualTo("corpus/_data/topics.yml");
    assertThat(owners.put(IRIS.articleGraph("https://one.example/c"), "x.md")).isEqualTo("corpus/page.json");
  }

  @Test
  void holdsManyFilesWithoutLosingAName() {
    GraphOwners owners = new GraphOwners(IriFactory.DEFAULT_BASE + "graph/article/");
    for (int i = 0; i < 50_000; i++) {
      owners.put(IRIS.articleGraph("https://one.example/" + i), "corpus/file-" + i + ".md");
    }
    assertThat(owners.put(IRIS.articleGraph("https://one.example/31337"), "again.md"))
        .isEqualTo("corpus/file-31337.md");
  }
}
