package org.newsgraph.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The article key is minted in one place and its format is pinned: the compact per-article tables
 * of a run (ingest's RunGraphs, story's BulkStories) hold it as 64 bits and must give the same IRIs
 * back.
 */
class ArticleKeyTest {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @Test
  void anArticleKeyIsSixteenHexDigitsOfTheSha256OfItsCanonicalUrl() {
    // The first 16 hex digits of sha256("https://example.org/a"), computed outside Java: pinned,
    // so that the IRIs of stores already built stay valid.
    String key = IriFactory.articleKey("https://example.org/a");
    assertThat(key).isEqualTo("b5b10dd0429e69ac");
    assertThat(IRIS.article("http://EXAMPLE.org/a/?utm_source=x").getURI())
        .isEqualTo(IriFactory.DEFAULT_BASE + "article/" + key);
    assertThat(IRIS.articleGraph("https://example.org/a").getURI())
        .isEqualTo(IriFactory.DEFAULT_BASE + "graph/article/" + key);
  }

  @Test
  void keyBitsAndKeyTextAreInverse() {
    String prefix = IriFactory.DEFAULT_BASE + "graph/article/";
    for (String url :
        new String[] {"https://example.org/a", "https://example.org/b", "https://x.example/"}) {
      String iri = IRIS.articleGraph(url).getURI();
      long bits = IriFactory.keyBits(iri, prefix);
      assertThat(bits).isNotEqualTo(-1);
      assertThat(prefix + IriFactory.keyText(bits)).isEqualTo(iri);
    }
    assertThat(IriFactory.keyText(0x0fL)).isEqualTo("000000000000000f");
    assertThat(IriFactory.keyBits(prefix + "xyz", prefix)).isEqualTo(-1);
    assertThat(IriFactory.keyBits(IriFactory.DEFAULT_BASE + "article/0123456789abcdef", prefix))
        .isEqualTo(-1);
  }
}
