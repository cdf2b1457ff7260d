package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * SIGTERM to a polling {@code ingest --every} in a child JVM, sent while a fetch is under way: the
 * fetch finishes and its snapshot is written whole, no ingest starts after the stop, the process
 * ends with 143, the store is usable, and the next run ingests the snapshot. Tagged heavy: a child
 * JVM's cold start and first ingest take a while on a busy machine.
 */
@Tag("heavy")
class PollingStopTest {

  private static final String V1 =
      FeedServer.rss(
          "Mon, 07 Dec 2026 07:00:00 GMT", "https://gazette.example.org/ferry", "Ferry is late");
  private static final String V2 =
      FeedServer.rss(
          "Mon, 07 Dec 2026 08:00:00 GMT", "https://gazette.example.org/ferry", "Ferry is back");

  @TempDir Path tmp;

  @Test
  void sigtermLetsTheFetchUnderWayFinishAndStartsNothingAfterIt() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Path db = tmp.resolve("db");
    Path archive = tmp.resolve("archive");
    try (FeedServer server = new FeedServer()) {
      server.route(
          "/news.xml",
          (x, n) -> {
            if (n == 1) {
              FeedServer.sendFeed(x, V1);
              return;
            }
            arrived.countDown();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            FeedServer.sendFeed(x, V2);
          });
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-D" + Poller.MINIMUM_PROPERTY + "=1s",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.newsgraph.cli.Main",
                  "ingest",
                  "--no-infer-links",
                  "--db",
                  db.toString(),
                  "--archive",
                  archive.toString(),
                  "--every",
                  "1s",
                  server.url("/news.xml")));
      Path err = tmp.resolve("child.err");
      Process child =
          new ProcessBuilder(command)
              .redirectOutput(tmp.resolve("child.out").toFile())
              .redirectError(err.toFile())
              .start();
      try {
        assertThat(arrived.await(120, TimeUnit.SECONDS)).as("the second round's request").isTrue();
        child.destroy(); // SIGTERM
        // the shutdown hook runs while the response is held back; then the response comes
        waitFor(err, "stopping after the step under way", 30);
        release.countDown();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        release.countDown();
        child.destroyForcibly();
      }
      String log = Files.readString(err, StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(log).isEqualTo(143);
      assertThat(log)
          .containsOnlyOnce("ingest: ")
          .contains("fetch: round 2 ")
          .contains("fetch: polling ended (stopped)");
    }
    Path folder;
    try (Stream<Path> folders = Files.list(archive)) {
      folder = folders.findFirst().orElseThrow();
    }
    List<Path> snapshots;
    try (Stream<Path> files = Files.list(folder)) {
      snapshots = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(snapshots).hasSize(2);
    assertThat(Files.readString(snapshots.get(1))).isEqualTo(V2);
    try (Stream<Path> state = Files.list(folder.resolve(FeedArchive.STATE_DIR))) {
      assertThat(state.map(p -> p.getFileName().toString())).containsExactly("state.properties");
    }
    assertThat(titles(db)).containsExactly("Ferry is late");
    Cli.Result next =
        Cli.run("ingest", "--no-infer-links", "--db", db.toString(), archive.toString());
    assertThat(next.exit()).as(next.err()).isEqualTo(ExitCodes.OK);
    assertThat(titles(db)).containsExactly("Ferry is back");
  }

  private static void waitFor(Path log, String text, int seconds)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' in " + Files.readString(log));
  }

  private static List<String> titles(Path db) {
    Cli.Result result =
        Cli.run(
            "query",
            "--db",
            db.toString(),
            "-f",
            "tsv",
            "PREFIX schema: <http://schema.org/> SELECT ?t { ?a schema:headline ?t } ORDER BY ?t");
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    return result.out().lines().skip(1).map(l -> l.replaceAll("^\"|\"$", "")).toList();
  }
}
