package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.ingest.IngestFixtures;

class IngestCommandTest {

  @TempDir Path tmp;

  @Test
  void progressGoesToStderrOnlyWhenAskedAndStdoutStaysEmpty() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 30);
    Cli.Result quiet =
        IngestFixtures.cli("ingest", "--db", tmp.resolve("a").toString(), src.toString());
    assertThat(quiet.err()).doesNotContain("\r[");
    Cli.Result shown =
        IngestFixtures.cli(
            "ingest", "--progress", "--db", tmp.resolve("b").toString(), src.toString());
    assertThat(shown.exit()).isZero();
    assertThat(shown.err())
        .containsPattern("\r\\[[#= ]{20}\\] 30 files [0-9,]+/s  \\+30 ~0 =0 !0 -0");
    assertThat(shown.out()).isEmpty();
  }

  @Test
  void inconsistentOptionsAreUsageErrors() {
    assertThat(
            IngestFixtures.cli(
                    "ingest", "--batch-size", "0", "--db", tmp.resolve("a").toString(), ".")
                .exit())
        .isEqualTo(ExitCodes.USAGE);
    Cli.Result both =
        IngestFixtures.cli(
            "ingest",
            "--db",
            tmp.resolve("a").toString(),
            "--endpoint",
            "http://127.0.0.1:9/ds",
            ".");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("either --db or --endpoint");
  }

  @Test
  void aMissingPathIsReportedAndTheRestIsStored() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 3);
    Path missing = tmp.resolve("nope");
    Cli.Result run =
        IngestFixtures.cli(
            "ingest", "--db", tmp.resolve("db").toString(), missing.toString(), src.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.err())
        .contains(missing + ":1:1: error: no such file or directory")
        .contains("3 added");
    assertThat(Files.exists(missing)).isFalse();
  }
}
