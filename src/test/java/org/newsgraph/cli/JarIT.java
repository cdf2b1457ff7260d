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

    Result coverage = java(coverage(db, "csv"));
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

    Result json = java(coverage(db, "json"));
    assertThat(json.out()).contains("\"bindings\"");
  }

  @Test
  void theLauncherRunsTheJarWithTheBuildsClassDataArchiveAndSilentlyWithoutIt()
      throws IOException, InterruptedException {
    Path launcher = Path.of("target", "newsgraph");
    assertThat(launcher).as("written by the package phase").isExecutable();
    assertThat(Path.of("target", "newsgraph.jsa")).as("dumped by the training ingest").exists();
    String version = java("--version").out();
    String db = dir.resolve("db").toString();
    Result ingest = run(List.of(launcher.toString(), "ingest", "--db", db, "seeds"));
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.err()).contains("4 added, 0 replaced, 0 unchanged, 0 rejected");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(coverage(db, "csv")));
    Result coverage = run(command);
    assertThat(coverage.out().lines().count()).as(coverage.err()).isEqualTo(7);

    // A copy whose jar no longer matches the archive (a rebuilt jar): the JVM refuses the archive
    // and says so on standard output unless told not to; the launcher tells it.
    Path copy = java.nio.file.Files.createDirectories(dir.resolve("copy"));
    for (String f : List.of("newsgraph", "newsgraph.jar", "newsgraph.jsa")) {
      java.nio.file.Files.copy(
          Path.of("target", f), copy.resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    java.nio.file.Files.setLastModifiedTime(
        copy.resolve("newsgraph.jar"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Result stale = run(List.of(copy.resolve("newsgraph").toString(), "--version"));
    assertThat(stale.code()).isZero();
    assertThat(stale.out()).isEqualTo(version);
    assertThat(stale.err()).isEmpty();
    java.nio.file.Files.delete(copy.resolve("newsgraph.jsa"));
    Result none = run(List.of(copy.resolve("newsgraph").toString(), "--version"));
    assertThat(none.out()).isEqualTo(version);
    assertThat(none.err()).isEmpty();
  }

  /** The arguments of the seed article's coverage query. */
  private static String[] coverage(String db, String format) {
    return new String[] {
      "query",
      "coverage",
      "--db",
      db,
      "--param",
      "article=https://www.globaltimes.cn/page/202103/1217051.shtml",
      "--format",
      format
    };
  }

  private record Result(int code, String out, String err) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
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
