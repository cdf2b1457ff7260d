package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exports are accepted by an independent parser, Raptor's {@code rapper} (Debian package
 * raptor2-utils, installed by .ci/run), with no warning.
 */
class RapperTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"turtle,turtle", "nt,ntriples", "trig,trig", "nq,nquads"})
  void rapperParsesTheExportWithoutWarnings(String format, String rapperSyntax)
      throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/rapper")),
        "rapper not installed (apt-get install raptor2-utils); skipping the independent-parser check");
    String db = dir.resolve("db").toString();
    assertThat(Cli.run("ingest", "--db", db, "seeds").exit()).isZero();
    Path file = dir.resolve("export." + format);
    assertThat(Cli.run("export", "--db", db, "-f", format, "-o", file.toString()).exit()).isZero();

    Process rapper =
        new ProcessBuilder("rapper", "-i", rapperSyntax, "-c", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(rapper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rapper.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(rapper.exitValue()).as(output).isZero();
    assertThat(output).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
    assertThat(output).containsPattern("Parsing returned [1-9][0-9]{2,} (triples|statements)");
  }
}
