package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar works with {@code java -jar}: Jena initialises through merged service files (RIOT
 * languages, result writers, TDB2), which only a real run of the packaged jar proves. Run by
 * failsafe after {@code package}.
 */
@Tag("slow")
class JarIT {

  private static final Path JAR = Path.of("target", "newsgraph.jar");

  @TempDir Path dir;

  @Test
  void theJarIngestsQueriesAndExports() throws IOException, InterruptedException {
    String db = dir.resolve("db").toString();
    Result ingest = java("ingest", "--db", db, "seeds");
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.err()).contains("4 added, 0 replaced, 0 unchanged, 0 rejected");

    Result coverage =
        java(
            "query",
            "coverage",
            "--db",
            db,
            "--param",
            "article=https://www.globaltimes.cn/page/202103/1217051.shtml",
            "--format",
            "csv");
    assertThat(coverage.code()).as(coverage.err()).isZero();
    assertThat(coverage.out().lines().count()).isEqualTo(7);
    assertThat(coverage.out())
        .contains(
            "Newsweek", "Geektime", "National Journal", "PR Newswire", "RepublicWorld", "WFMZ-TV");

    for (String format : List.of("turtle", "trig", "nt", "nq", "jsonld")) {
      Result export = java("export", "--db", db, "--format", format);
      assertThat(export.code()).as(format + ": " + export.err()).isZero();
      assertThat(export.out()).as(format).contains("globaltimes.cn");
    }
    Result version = java("--version");
    assertThat(version.out())
        .containsPattern("^newsgraph \\d+\\.\\d+\\.\\d+")
        .contains("Apache Jena 5.6.0");

    Result json =
        java(
            "query",
            "coverage",
            "--db",
            db,
            "--param",
            "article=https://www.globaltimes.cn/page/202103/1217051.shtml",
            "--format",
            "json");
    assertThat(json.out()).contains("\"bindings\"");
  }

  private record Result(int code, String out, String err) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path errFile = java.nio.file.Files.createTempFile("newsgraph-jar", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Result(process.exitValue(), out, java.nio.file.Files.readString(errFile));
    } finally {
      java.nio.file.Files.deleteIfExists(errFile);
    }
  }
}
