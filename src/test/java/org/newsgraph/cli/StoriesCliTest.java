package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI keeps stories up to date at ingest, lists the catalog, and rebuilds stories on demand. */
class StoriesCliTest {

  private static final String FIXTURES = "src/test/resources/fixtures/catalog/";

  @TempDir Path db;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.reset();
    err.getBuffer().setLength(0);
    return Main.run(args, new Console(InputStream.nullInputStream(), out, new PrintWriter(err, true)));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ingestKeepsStoriesAndALaterRecordMergesThem() {
    assertThat(run("ingest", "--db", db.toString(), FIXTURES + "base")).isZero();
    assertThat(run("query", "stories", "--db", db.toString(), "-f", "csv")).isZero();
    assertThat(stdout().lines()).hasSize(3).element(1).asString().contains(",4,3,2021-03-01T08:00:00Z,");

    assertThat(run("ingest", "--db", db.toString(), FIXTURES + "late")).isZero();
    assertThat(run("query", "stories", "--db", db.toString(), "-f", "tsv")).isZero();
    assertThat(stdout().lines()).hasSize(2).element(1).asString().contains("\t9\t4\t");

    assertThat(run("rebuild-stories", "--db", db.toString())).isZero();
    assertThat(err.toString()).isEqualTo("stories: 1 written, 0 removed" + System.lineSeparator());
    assertThat(stdout()).isEmpty();
  }

  @Test
  void queriesListsEveryNamedQueryWithItsParameters() {
    assertThat(run("queries")).isZero();
    assertThat(stdout()).contains("stories — ", "top-linked — ",
        "--param granularity=<choice(day|week|month)>  (default day)",
        "--param self=<choice(exclude|include|only)>  (default exclude)");
  }

  @Test
  void aBadChoiceIsAUsageError() {
    run("ingest", "--db", db.toString(), FIXTURES + "base");
    assertThat(run("query", "provider-links", "--db", db.toString(), "--param", "self=all")).isEqualTo(2);
    assertThat(err.toString()).contains("--param self=all: expected one of [exclude, include, only]");
    assertThat(stdout()).isEmpty();
  }
}
