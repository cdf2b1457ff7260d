package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.ServedEndpoint;

/**
 * A store held by a running {@code newsgraph serve} (a child JVM on an ephemeral loopback port):
 * {@code query}, {@code export} and {@code stats} read it through the server's SPARQL endpoint and
 * say so in one line, giving what they give on the store itself; writes still refuse; the record of
 * the endpoint goes when the server stops, and a stale one is ignored.
 */
@Tag("slow")
class ReadThroughServeTest {

  private static final Pattern PORT = Pattern.compile("port (\\d+)");
  private static final String SEED = "https://www.globaltimes.cn/page/202103/1217051.shtml";

  @TempDir Path dir;

  @Test
  void readOnlyCommandsReadAServedStoreThroughItsEndpoint() throws Exception {
    Path db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), "seeds").exit()).isZero();
    Cli.Result statsBefore = Cli.run("stats", "--db", db.toString(), "--no-runs", "-f", "csv");
    Cli.Result coverageBefore =
        Cli.run("query", "coverage", "--db", db.toString(), "-p", "article=" + SEED, "-f", "csv");
    Cli.Result exportBefore = Cli.run("export", "--db", db.toString(), "-f", "nq");

    Process serve = serve(db, "--max-rows", "100");
    Path record = db.resolve(ServedEndpoint.FILE_NAME);
    try {
      int port = awaitPort(serve);
      assertThat(Files.readString(record, StandardCharsets.UTF_8))
          .contains("pid=" + serve.pid(), "url=http://127.0.0.1:" + port + "/newsgraph");
      String said =
          "is held by 'newsgraph serve' (process "
              + serve.pid()
              + "); reading it through that server's SPARQL endpoint http://127.0.0.1:"
              + port
              + "/newsgraph/sparql";

      Cli.Result stats = Cli.run("stats", "--db", db.toString(), "--no-runs", "-f", "csv");
      assertThat(stats.exit()).as(stats.err()).isZero();
      assertThat(stats.err().lines())
          .containsExactly("newsgraph: " + db.toAbsolutePath().normalize() + " " + said);
      assertThat(stats.out()).isEqualTo(statsBefore.out());

      Cli.Result coverage =
          Cli.run("query", "coverage", "--db", db.toString(), "-p", "article=" + SEED, "-f", "csv");
      assertThat(coverage.exit()).as(coverage.err()).isZero();
      assertThat(coverage.err()).contains(said);
      assertThat(coverage.out()).isEqualTo(coverageBefore.out());

      // The whole store is more quads than this server's row cap: the export fails, saying why,
      // rather than write a part of the store as if it were all of it.
      Path out = dir.resolve("all.nq");
      Cli.Result export =
          Cli.run("export", "--db", db.toString(), "-f", "nq", "-o", out.toString());
      assertThat(export.exit()).isEqualTo(ExitCodes.STORE);
      assertThat(export.err())
          .contains(said)
          .contains("cut the answer at 100 rows (newsgraph serve --max-rows)")
          .doesNotContain("cannot connect");
      assertThat(out).doesNotExist();
      assertThat(exportBefore.out().lines().count()).isGreaterThan(100);

      // A graph of fewer quads than the cap is exported as from the store itself.
      String graph = "https://w3id.org/newsgraph/id/graph/article/1ca178d75c94ebc8";
      Cli.Result one = Cli.run("export", "--db", db.toString(), "--graph", graph, "-f", "nt");
      assertThat(one.exit()).as(one.err()).isZero();
      assertThat(sortedLines(one.out()))
          .isEqualTo(
              sortedLines(
                  exportBefore
                      .out()
                      .lines()
                      .filter(l -> l.endsWith("<" + graph + "> ."))
                      .map(l -> l.substring(0, l.length() - graph.length() - 5) + " .")
                      .reduce("", (a, b) -> a + b + "\n")));

      Cli.Result ingest = Cli.run("ingest", "--db", db.toString(), "seeds");
      assertThat(ingest.exit()).isEqualTo(ExitCodes.STORE);
      assertThat(ingest.err()).contains("is in use by process " + serve.pid()).doesNotContain(said);
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
      serve.destroyForcibly();
    }
    assertThat(record).as("removed when the server stops").doesNotExist();
    Cli.Result after = Cli.run("stats", "--db", db.toString(), "--no-runs", "-f", "csv");
    assertThat(after.err()).doesNotContain("newsgraph serve");
    assertThat(after.out()).isEqualTo(statsBefore.out());

    // A record left by a server that died (its process is gone) is ignored.
    Files.writeString(
        record,
        "pid=" + serve.pid() + "\nurl=http://127.0.0.1:9/newsgraph\n",
        StandardCharsets.UTF_8);
    Cli.Result stale = Cli.run("stats", "--db", db.toString(), "--no-runs", "-f", "csv");
    assertThat(stale.exit()).as(stale.err()).isZero();
    assertThat(stale.err()).doesNotContain("newsgraph serve");
    assertThat(stale.out()).isEqualTo(statsBefore.out());
  }

  private static String sortedLines(String text) {
    return String.join("\n", text.lines().filter(l -> !l.isBlank()).sorted().toList());
  }

  private Process serve(Path db, String... options) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsgraph.cli.Main",
                "serve",
                "--db",
                db.toString(),
                "--port",
                "0"));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        .redirectError(dir.resolve("serve.err").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Waits (up to a minute) for the line naming the port, and for the endpoint's record. */
  private int awaitPort(Process serve) throws Exception {
    Path log = dir.resolve("serve.err");
    for (int i = 0; i < 600; i++) {
      Matcher m =
          PORT.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
      if (m.find() && Files.exists(dir.resolve("db").resolve(ServedEndpoint.FILE_NAME))) {
        return Integer.parseInt(m.group(1));
      }
      if (!serve.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "serve printed no port; stderr: " + Files.readString(log, StandardCharsets.UTF_8));
  }
}
