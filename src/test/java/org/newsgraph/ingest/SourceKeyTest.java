package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.newsgraph.vocab.IriFactory;

/**
 * A source's key is minted by Provenance.source and read back from its stamp node, in one class.
 */
class SourceKeyTest {

  private final Provenance provenance = new Provenance(IriFactory.of(IriFactory.DEFAULT_BASE));

  @Test
  void theKeyOfAStampIsTheFirst32HexDigitsOfTheSha256OfThePath() {
    // sha256("/site/_news/a.md") begins with these 32 digits (computed outside Java).
    Provenance.SourceKey key =
        Provenance.SourceKey.ofStamp(Provenance.stamp(provenance.source("/site/_news/a.md")));
    assertThat(key).isNotNull();
    assertThat(String.format("%016x%016x", key.high(), key.low()))
        .isEqualTo(Provenance.sha256("/site/_news/a.md").substring(0, 32))
        .isEqualTo(SHA_OF_PATH);
  }

  @Test
  void otherNodesHaveNoKey() {
    assertThat(Provenance.SourceKey.ofStamp(NodeFactory.createURI("https://x.example/stamp")))
        .isNull();
    assertThat(Provenance.SourceKey.ofStamp(provenance.source("/a"))).isNull();
    assertThat(Provenance.SourceKey.ofStamp(NodeFactory.createLiteralString("x/stamp"))).isNull();
    assertThat(
            Provenance.SourceKey.ofStamp(
                NodeFactory.createURI("0123456789abcdef0123456789abcdef/stamp")))
        .isNull();
  }

  private static final String SHA_OF_PATH = "d7044a92c1cc7257279f8dffd48f0204";
}
