package org.newsgraph.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * The real corpus ({@code ../shared/corpus/everyday-ai}, present in CI): every record, taxonomy,
 * tag and organization file ingests with no error, the store validates, and every article with its
 * own record answers the schema.org-only query and the query for articles under "AI".
 */
class CorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus/everyday-ai");
  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @TempDir Path db;

  @Test
  void theRealCorpusIngestsWithNoErrorAndValidates() throws IOException {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "skipped: the real corpus is not at "
            + CORPUS.toAbsolutePath().normalize()
            + " (CI has it)");
    Cli.Result ingest = Cli.run("ingest", "--db", db.toString(), CORPUS.toString());
    assertThat(ingest.err()).doesNotContain(": error: ");
    assertThat(ingest.err())
        .contains(
            "ingest: 259 files read, 247 added, 0 replaced, 0 unchanged, 0 rejected, 0 removed, 1 skipped (1 not a record)",
            "12 merged from 24 descriptions");
    assertThat(ingest.exit()).isZero();

    Cli.Result validate = Cli.run("validate", "--db", db.toString());
    assertThat(validate.out()).isEmpty();
    assertThat(validate.err()).endsWith(" 0 violations\n");
    assertThat(validate.exit()).isZero();

    Set<Node> ownArticles = ownArticles();
    assertThat(ownArticles).hasSize(206 - 12); // 12 articles have two record files
    assertThat(select("schema-only.rq", null)).containsAll(ownArticles);
    assertThat(select("under-topic.rq", IRIS.topic("AI"))).containsAll(ownArticles);
  }

  private Set<Node> ownArticles() {
    String prefix = IRIS.base() + "graph/article/";
    Set<Node> out = new HashSet<>();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.query(
          QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { ?g ?p ?o } }"),
          BindingFactory.empty(),
          exec -> {
            exec.select()
                .forEachRemaining(
                    b -> {
                      String g = b.get(Var.alloc("g")).getURI();
                      if (g.startsWith(prefix)) {
                        out.add(
                            NodeFactory.createURI(
                                IRIS.base() + "article/" + g.substring(prefix.length())));
                      }
                    });
            return null;
          });
    }
    return out;
  }

  private Set<Node> select(String query, Node topic) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/queries").resolve(query));
    Set<Node> out = new HashSet<>();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.query(
          QueryFactory.create(text),
          topic == null
              ? BindingFactory.empty()
              : BindingFactory.binding(Var.alloc("topic"), topic),
          exec -> {
            exec.select()
                .forEachRemaining(
                    b -> {
                      Node published = b.get(Var.alloc("published"));
                      if (published != null) {
                        assertThat(published.getLiteralDatatype())
                            .isEqualTo(XSDDatatype.XSDdateTime);
                      }
                      out.add(b.get(Var.alloc("article")));
                    });
            return null;
          });
    }
    return out;
  }
}
