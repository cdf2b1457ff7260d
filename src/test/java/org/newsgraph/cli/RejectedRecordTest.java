package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * A wrong type, a bad date or an invalid URL: one positioned error each, nothing of the record
 * stored.
 */
class RejectedRecordTest {

  private static final Path CASES = Path.of("src/test/resources/cases");

  @TempDir Path db;

  @Test
  void badRecordsAreReportedOnceAndLeaveNothingInTheStore() {
    String wrongType = CASES.resolve("error-wrong-type/input.md").toString();
    String badDate = CASES.resolve("error-bad-date/input.md").toString();
    String badUrl = CASES.resolve("error-invalid-url/input.md").toString();
    String good = CASES.resolve("yaml-record/input.yaml").toString();
    Cli.Result run = Cli.run("ingest", "--db", db.toString(), wrongType, badDate, badUrl, good);
    assertThat(run.err().lines().filter(l -> l.contains(": error: ")))
        .containsExactly(
            wrongType + ":3:3: error: 'title' of article must be a string, found a list",
            badDate
                + ":4:20: error: 'publishedDateTime' of article must be a date-time like"
                + " 2021-03-02T10:36:00Z, found '2021-02-30T10:00:00Z'",
            badUrl
                + ":3:9: error: 'webUrl' is not a valid URL: not an http or https URL: javascript:alert(1)");
    assertThat(run.err())
        .contains("ingest: 4 files read, 1 added, 0 replaced, 0 unchanged, 3 rejected");
    assertThat(run.exit()).isEqualTo(ExitCodes.REJECTED);

    IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
    List<Node> recordGraphs = new ArrayList<>();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.exportQuads(
          null,
          new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
              String g = quad.getGraph().getURI();
              if (g.startsWith(iris.base() + "graph/article/")
                  && !recordGraphs.contains(quad.getGraph())) {
                recordGraphs.add(quad.getGraph());
              }
              assertThat(quad.getSubject().toString())
                  .doesNotContain("date.example.com", "wrong.example.com");
            }
          });
    }
    assertThat(recordGraphs)
        .containsExactly(iris.articleGraph("https://news.example.net/yaml-record"));
  }
}
