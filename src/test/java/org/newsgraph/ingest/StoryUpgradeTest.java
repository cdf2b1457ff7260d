package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;

/**
 * A store whose story graphs were written before they kept their members' citation counts (what
 * {@code top-linked} ranks) gets them from its next ingest, even when no file changed: the stories
 * are recomputed once, the inferred links are not.
 */
class StoryUpgradeTest {

  private static final String FIXTURES = "src/test/resources/fixtures/catalog/";

  @TempDir Path tmp;

  @Test
  void anUnchangedIngestGivesAnOlderStoreItsCitationCounts() {
    Path db = tmp.resolve("db");
    Cli.Result first =
        Cli.run("ingest", "--db", db.toString(), FIXTURES + "base", FIXTURES + "late");
    assertThat(first.exit()).as(first.err()).isZero();
    String before = topLinked(db, "all") + topLinked(db, "given");
    assertThat(before).contains(",2,");

    try (Tdb2Store store = Tdb2Store.open(db)) {
      DatasetGraph dataset = store.dataset();
      Txn.executeWrite(
          dataset,
          () ->
              UpdateAction.parseExecute(
                  "PREFIX news: <https://w3id.org/newsgraph/ns#>\n"
                      + "DELETE WHERE { GRAPH ?g { ?a news:citationCount ?n } };\n"
                      + "DELETE WHERE { GRAPH ?g { ?a news:givenCitationCount ?n } }",
                  dataset));
    }
    assertThat(topLinked(db, "all")).isEqualTo("article,citations,title,provider,published\n");

    Cli.Result again =
        Cli.run("ingest", "--db", db.toString(), FIXTURES + "base", FIXTURES + "late");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("0 added, 0 replaced");
    assertThat(topLinked(db, "all") + topLinked(db, "given")).isEqualTo(before);
  }

  private static String topLinked(Path db, String links) {
    Cli.Result result =
        Cli.run(
            "query",
            "top-linked",
            "--db",
            db.toString(),
            "--param",
            "links=" + links,
            "--format",
            "csv");
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out().replace("\r\n", "\n");
  }
}
