package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * Real feeds polled: the last snapshots of the shared corpus's three outlets ({@code
 * ../shared/corpus/feeds/snapshots}, never copied into the repository) are served one per round by
 * a loopback server to {@code ingest --every}; the archive must hold their bytes exactly, and the
 * store must say what ingesting those snapshot files directly says. Skipped, saying so, when the
 * corpus is absent; tagged heavy (three rounds of real feeds).
 */
@Tag("heavy")
class SubscribeCorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus/feeds/snapshots");
  private static final List<String> OUTLETS = List.of("npr", "arstechnica", "wgrznews");
  private static final int ROUNDS = 3;

  @TempDir Path tmp;

  @Test
  void pollingRealFeedsArchivesTheirBytesAndStoresWhatTheirSnapshotsSay() throws IOException {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "the shared feed corpus is not at ../shared/corpus/feeds: SubscribeCorpusTest skipped");
    List<List<Path>> served = new ArrayList<>();
    for (String outlet : OUTLETS) {
      try (Stream<Path> files = Files.list(CORPUS.resolve(outlet))) {
        List<Path> all = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        served.add(all.subList(all.size() - ROUNDS, all.size()));
      }
    }
    String archive = tmp.resolve("archive").toString();
    String polled = tmp.resolve("polled").toString();
    Cli.Result run;
    try (FeedServer server = new FeedServer()) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "ingest",
                  "--no-infer-links",
                  "--db",
                  polled,
                  "--archive",
                  archive,
                  "--host-interval=0s",
                  "--every",
                  "200ms",
                  "--rounds",
                  String.valueOf(ROUNDS)));
      for (int i = 0; i < OUTLETS.size(); i++) {
        List<Path> snapshots = served.get(i);
        String path = "/" + OUTLETS.get(i) + "/rss.xml";
        server.route(
            path,
            (x, n) ->
                FeedServer.send(
                    x,
                    200,
                    "application/rss+xml",
                    Files.readAllBytes(snapshots.get(Math.min(n, ROUNDS) - 1))));
        args.add(server.url(path));
      }
      String before = System.getProperty(Poller.MINIMUM_PROPERTY);
      System.setProperty(Poller.MINIMUM_PROPERTY, "100ms");
      try {
        run = Cli.run(args.toArray(String[]::new));
      } finally {
        if (before == null) {
          System.clearProperty(Poller.MINIMUM_PROPERTY);
        } else {
          System.setProperty(Poller.MINIMUM_PROPERTY, before);
        }
      }
    }
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    for (int round = 1; round <= ROUNDS; round++) {
      assertThat(run.err())
          .containsPattern("fetch: round " + round + " \\(\\S+\\): 3 feeds, 3 fetched");
    }

    // the archive holds the served bytes, in order; a copy of the same files ingested directly
    Path direct = tmp.resolve("direct");
    List<Path> folders;
    try (Stream<Path> list = Files.list(Path.of(archive))) {
      folders = list.sorted().toList();
    }
    assertThat(folders).hasSize(OUTLETS.size());
    for (int i = 0; i < OUTLETS.size(); i++) {
      String outlet = OUTLETS.get(i);
      Path folder =
          folders.stream()
              .filter(f -> f.getFileName().toString().endsWith("_" + outlet + "_rss.xml"))
              .findFirst()
              .orElseThrow();
      List<Path> archived;
      try (Stream<Path> files = Files.list(folder)) {
        archived = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
      }
      assertThat(archived).hasSize(ROUNDS);
      Files.createDirectories(direct.resolve(OUTLETS.get(i)));
      for (int r = 0; r < ROUNDS; r++) {
        Path original = served.get(i).get(r);
        assertThat(Files.readAllBytes(archived.get(r))).isEqualTo(Files.readAllBytes(original));
        Files.copy(original, direct.resolve(OUTLETS.get(i)).resolve(original.getFileName()));
      }
    }
    String directDb = tmp.resolve("direct-db").toString();
    Cli.Result reference =
        Cli.run("ingest", "--no-infer-links", "--db", directDb, direct.toString());
    assertThat(reference.exit()).as(reference.err()).isEqualTo(ExitCodes.OK);
    List<String> rows = rows(polled);
    assertThat(rows).hasSizeGreaterThan(30).isEqualTo(rows(directDb));
  }

  private static List<String> rows(String db) {
    Cli.Result result =
        Cli.run(
            "query",
            "--db",
            db,
            "-f",
            "tsv",
            "PREFIX schema: <http://schema.org/> SELECT ?u ?t ?d { ?a schema:url ?u ; schema:headline"
                + " ?t OPTIONAL { ?a schema:description ?d } } ORDER BY ?u ?t ?d");
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    return result.out().lines().skip(1).toList();
  }
}
