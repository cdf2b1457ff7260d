package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI keeps stories up to date at ingest, lists the catalog, and rebuilds stories on demand.
 */
class StoriesCliTest {

  private static final String FIXTURES = "src/test/resources/fixtures/catalog/";

  @TempDir Path db;

  private Cli.Result last;

  private int run(String... args) {
    last = Cli.run(args);
    return last.exit();
  }

  private String stdout() {
    return last.out();
  }

  @Test
  void ingestKeepsStoriesAndALaterRecordMergesThem() {
    assertThat(run("ingest", "--no-infer-links", "--db", db.toString(), FIXTURES + "base"))
        .isZero();
    assertThat(run("query", "stories", "--db", db.toString(), "-f", "csv")).isZero();
    assertThat(stdout().lines())
        .hasSize(3)
        .element(1)
        .asString()
        .contains(",4,3,2021-03-01T08:00:00Z,");

    assertThat(run("ingest", "--no-infer-links", "--db", db.toString(), FIXTURES + "late"))
        .isZero();
    assertThat(run("query", "stories", "--db", db.toString(), "-f", "tsv")).isZero();
    assertThat(stdout().lines()).hasSize(2).element(1).asString().contains("\t9\t4\t");

    assertThat(run("rebuild-stories", "--db", db.toString())).isZero();
    assertThat(last.err())
        .isEqualTo(
            "stories: 1 written, 0 removed; over the records' links alone: 1 written, 0 removed"
                + System.lineSeparator());
    assertThat(stdout()).isEmpty();
  }

  @Test
  void queriesListsEveryNamedQueryWithItsParameters() {
    assertThat(run("queries")).isZero();
    assertThat(stdout())
        .contains(
            "stories — ",
            "top-linked — ",
            "--param granularity=<choice(day|week|month)>  (default day)",
            "--param self=<choice(exclude|include|only)>  (default exclude)");
  }

  @Test
  void aBadChoiceIsAUsageError() {
    run("ingest", "--no-infer-links", "--db", db.toString(), FIXTURES + "base");
    assertThat(run("query", "provider-links", "--db", db.toString(), "--param", "self=all"))
        .isEqualTo(2);
    assertThat(last.err()).contains("--param self=all: expected one of [exclude, include, only]");
    assertThat(stdout()).isEmpty();
  }
}
