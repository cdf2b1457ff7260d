package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * A site folder (taxonomy, organization, Markdown and JSON records) ingested into a real TDB2
 * store, validated, and queried in schema.org terms and down the topic taxonomy; then a broken
 * graph that validate must report.
 */
class ValidateCommandTest {

  private static final Path SITE = Path.of("src/test/resources/site");
  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @TempDir Path db;

  @Test
  void aSiteFolderIngestsValidatesAndAnswersSchemaAndTaxonomyQueries() throws IOException {
    Cli.Result ingest = Cli.run("ingest", "--db", db.toString(), SITE.toString());
    assertThat(ingest.err())
        .endsWith(
            "ingest: 8 files read, 8 added, 0 replaced, 0 unchanged,"
                + " 0 rejected, 0 removed, 1 skipped (1 hidden), 0 warnings [bulk load]\n");
    assertThat(ingest.exit()).isZero();

    Cli.Result validate = Cli.run("validate", "--db", db.toString());
    assertThat(validate.out()).isEmpty();
    assertThat(validate.err()).isEqualTo("validate: 8 graphs checked, 0 violations\n");
    assertThat(validate.exit()).isZero();

    // The roses article is dated twice: by its own record and, differently, by the record citing
    // it;
    // both statements are kept (each in its own graph), so it has a row for each date.
    List<Binding> rows = select("schema-only.rq", BindingFactory.empty());
    assertThat(rows)
        .extracting(b -> b.get(Var.alloc("headline")).getLiteralLexicalForm())
        .containsExactly(
            "Roses in spring",
            "Tagged only with a narrower topic",
            "Roses in spring",
            "Straight AI");
    assertThat(rows)
        .extracting(b -> b.get(Var.alloc("published")).getLiteralLexicalForm())
        .containsExactly(
            "2021-03-01T08:00:00Z",
            "2021-03-01T09:00:00Z",
            "2021-03-02T08:00:00+01:00",
            "2021-03-03T00:00:00-07:00");
    assertThat(rows)
        .allSatisfy(
            b ->
                assertThat(b.get(Var.alloc("published")).getLiteralDatatype())
                    .isEqualTo(XSDDatatype.XSDdateTime));
    assertThat(rows)
        .extracting(b -> b.get(Var.alloc("publisher")).getLiteralLexicalForm())
        .containsExactly("Garden News", "TF Weekly", "Garden News", "AI Daily");
    assertThat(rows)
        .extracting(b -> b.get(Var.alloc("topics")).getLiteralLexicalForm())
        .containsExactly("Gardening", "TensorFlow", "Gardening", "AI");

    List<Binding> underAi =
        select("under-topic.rq", BindingFactory.binding(Var.alloc("topic"), IRIS.topic("ai")));
    assertThat(underAi)
        .extracting(b -> b.get(Var.alloc("article")))
        .containsExactlyInAnyOrder(
            IRIS.article("https://tf.example.com/only-tensorflow"),
            IRIS.article("https://ai.example.com/1"));
  }

  @Test
  void violationsAreReportedWithSourceFocusPathAndMessage() {
    Cli.Result ingest = Cli.run("ingest", "--db", db.toString(), SITE.resolve("_news").toString());
    assertThat(ingest.exit()).isZero();
    Node graph = IRIS.articleGraph("https://bad.example.com/x");
    Node article = IRIS.article("https://bad.example.com/x");
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.replaceGraphs(
          List.of(
              new GraphContent(
                  graph,
                  List.of(
                      Triple.create(
                          graph,
                          NewsVocab.DCTERMS_SOURCE,
                          NodeFactory.createLiteralString("bad.md")),
                      Triple.create(article, NewsVocab.RDF_TYPE, NewsVocab.ARTICLE),
                      Triple.create(
                          article,
                          NewsVocab.CANONICAL_URL,
                          NodeFactory.createURI("https://bad.example.com/x")),
                      Triple.create(
                          article,
                          NewsVocab.SCHEMA_URL,
                          NodeFactory.createURI("https://bad.example.com/x")),
                      Triple.create(
                          article,
                          NewsVocab.HEAT,
                          NodeFactory.createLiteralDT("-5", XSDDatatype.XSDinteger))))));
    }
    Cli.Result validate = Cli.run("validate", "--db", db.toString());
    assertThat(validate.out().lines())
        .containsExactlyInAnyOrder(
            "bad.md: violation: <"
                + article.getURI()
                + "> schema:headline: an article needs exactly one"
                + " headline (a plain string) (graph <"
                + graph.getURI()
                + ">)",
            "bad.md: violation: <"
                + article.getURI()
                + "> news:heat: heat is an integer, -1 meaning"
                + " unknown (graph <"
                + graph.getURI()
                + ">)");
    assertThat(validate.err()).isEqualTo("validate: 3 graphs checked, 2 violations\n");
    assertThat(validate.exit()).isEqualTo(ExitCodes.REJECTED);
  }

  private List<Binding> select(String query, Binding substitution) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/queries").resolve(query));
    try (Tdb2Store store = Tdb2Store.open(db)) {
      return store.query(
          QueryFactory.create(text),
          substitution,
          exec -> {
            List<Binding> out = new ArrayList<>();
            RowSet rows = exec.select();
            // Copied inside the transaction: TDB2 bindings resolve their terms lazily from the
            // store.
            rows.forEachRemaining(b -> out.add(BindingFactory.copy(b)));
            return out;
          });
    }
  }
}
