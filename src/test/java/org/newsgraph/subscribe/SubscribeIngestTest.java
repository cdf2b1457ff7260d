package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * {@code ingest URL|OPML} end to end, from a scripted loopback server into a TDB2 store: dated
 * snapshots in the archive, conditional GETs, a retried 500, a slow host, an OPML list with a
 * failing feed, redirects, polling rounds, and a re-ingest of the archive that changes nothing.
 */
class SubscribeIngestTest {

  private static final String V1 =
      FeedServer.rss(
          "Mon, 07 Dec 2026 07:00:00 GMT",
          "https://gazette.example.org/ferry",
          "Ferry timetable changes",
          "https://gazette.example.org/market",
          "Market moves indoors");
  private static final String V2 =
      FeedServer.rss(
          "Mon, 07 Dec 2026 08:00:00 GMT",
          "https://gazette.example.org/ferry",
          "Ferry timetable changes again",
          "https://gazette.example.org/market",
          "Market moves indoors",
          "https://gazette.example.org/bridge",
          "Bridge reopens");
  private static final String OTHER =
      FeedServer.rss(
          "Mon, 07 Dec 2026 07:30:00 GMT",
          "https://other.example.org/harbour",
          "Harbour dredging starts");
  private static final String FAST = "--host-interval=0s";

  @TempDir Path tmp;
  private FeedServer server;
  private String db;
  private String archive;

  @BeforeEach
  void start() throws IOException {
    server = new FeedServer();
    db = tmp.resolve("db").toString();
    archive = tmp.resolve("archive").toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Result ingest(String... args) {
    String[] all = new String[args.length + 7];
    all[0] = "ingest";
    all[1] = "--no-infer-links";
    all[2] = "--db";
    all[3] = db;
    all[4] = "--archive";
    all[5] = archive;
    all[6] = FAST;
    System.arraycopy(args, 0, all, 7, args.length);
    return Cli.run(all);
  }

  private List<String> titles() {
    Cli.Result result =
        Cli.run(
            "query",
            "--db",
            db,
            "-f",
            "tsv",
            "PREFIX schema: <http://schema.org/> SELECT ?t { ?a schema:headline ?t } ORDER BY ?t");
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = Arrays.asList(result.out().split("\n"));
    return lines.subList(1, lines.size()).stream()
        .filter(l -> !l.isEmpty())
        .map(l -> l.replaceAll("^\"|\"$", ""))
        .toList();
  }

  private List<String> snapshots(String path) throws IOException {
    Path dir = Path.of(archive).resolve(folder(path));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  private String folder(String path) {
    return "127.0.0.1_"
        + java.net.URI.create(server.url("/")).getPort()
        + path.replace('/', '_').toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void successiveSnapshotsAreArchivedConditionalGetsSentAndTheLatestSnapshotDescribesTheArticles()
      throws IOException {
    String[] version = {V1, "\"v1\"", "Mon, 07 Dec 2026 07:00:00 GMT"};
    server.route(
        "/news.xml",
        (x, n) -> {
          String etag = version[1];
          if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
            FeedServer.send(x, 304, "application/rss+xml", new byte[0]);
            return;
          }
          x.getResponseHeaders().set("ETag", etag);
          x.getResponseHeaders().set("Last-Modified", version[2]);
          FeedServer.sendFeed(x, version[0]);
        });
    String url = server.url("/news.xml");

    Cli.Result first = ingest(url);
    assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.OK);
    assertThat(first.err()).contains("fetch: 1 feed, 1 fetched, 0 not modified, 0 failed");
    assertThat(snapshots("/news.xml")).hasSize(1);
    assertThat(titles()).containsExactly("Ferry timetable changes", "Market moves indoors");
    FeedServer.Request firstRequest = server.requests("/news.xml").get(0);
    assertThat(firstRequest.headers().getFirst("User-Agent"))
        .startsWith("newsgraph/")
        .contains("(+https://");
    assertThat(firstRequest.headers().getFirst("If-None-Match")).isNull();

    version[0] = V2;
    version[1] = "\"v2\"";
    version[2] = "Mon, 07 Dec 2026 08:00:00 GMT";
    Cli.Result second = ingest(url);
    assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);
    FeedServer.Request conditional = server.requests("/news.xml").get(1);
    assertThat(conditional.headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(conditional.headers().getFirst("If-Modified-Since"))
        .isEqualTo("Mon, 07 Dec 2026 07:00:00 GMT");
    List<String> files = snapshots("/news.xml");
    assertThat(files).hasSize(2);
    assertThat(Files.readString(Path.of(archive, folder("/news.xml"), files.get(1)))).isEqualTo(V2);
    assertThat(titles())
        .containsExactly("Bridge reopens", "Ferry timetable changes again", "Market moves indoors");

    Cli.Result third = ingest(url);
    assertThat(third.exit()).as(third.err()).isEqualTo(ExitCodes.OK);
    assertThat(third.err()).contains("fetch: 1 feed, 0 fetched, 1 not modified, 0 failed");
    assertThat(server.requests("/news.xml").get(2).headers().getFirst("If-None-Match"))
        .isEqualTo("\"v2\"");
    assertThat(snapshots("/news.xml")).hasSize(2);

    // the archive is the raw record: ingesting it again finds nothing new
    Cli.Result again = Cli.run("ingest", "--no-infer-links", "--db", db, archive);
    assertThat(again.exit()).as(again.err()).isEqualTo(ExitCodes.OK);
    assertThat(again.err()).contains("0 added, 0 replaced, 2 unchanged");
    // and builds the same articles in a new store
    List<String> polled = titles();
    db = tmp.resolve("db2").toString();
    Cli.Result fresh = Cli.run("ingest", "--no-infer-links", "--db", db, archive);
    assertThat(fresh.exit()).as(fresh.err()).isEqualTo(ExitCodes.OK);
    assertThat(titles()).isEqualTo(polled);
  }

  @Test
  void aListOfFeedsWithAFailingOneASlowOneARetryAndRedirectsStoresTheRestAndExitsOne()
      throws IOException {
    server.route(
        "/flaky.xml",
        (x, n) -> {
          if (n == 1) {
            FeedServer.send(x, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
          } else {
            FeedServer.sendFeed(x, V1);
          }
        });
    server.route(
        "/slow.xml",
        (x, n) -> {
          try {
            server.closing.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          FeedServer.sendFeed(x, OTHER);
        });
    server.route("/other.xml", (x, n) -> FeedServer.sendFeed(x, OTHER));
    server.route(
        "/old.xml",
        (x, n) -> {
          x.getResponseHeaders().set("Location", "/other.xml");
          FeedServer.send(x, 301, "text/plain", new byte[0]);
        });
    server.route(
        "/elsewhere.xml",
        (x, n) -> {
          x.getResponseHeaders().set("Location", server.url("/flaky.xml"));
          FeedServer.send(x, 302, "text/plain", new byte[0]);
        });
    Path list = tmp.resolve("subscriptions.opml");
    Files.writeString(
        list,
        "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">\n<head><title>Desk</title></head>\n<body>\n"
            + "<outline text=\"Local\">\n"
            + "  <outline type=\"rss\" text=\"Slow\" xmlUrl=\""
            + server.url("/slow.xml")
            + "\"/>\n"
            + "  <outline type=\"rss\" text=\"Flaky\" xmlUrl=\""
            + server.url("/flaky.xml")
            + "\"/>\n"
            + "  <outline text=\"Nested\"><outline type=\"rss\" text=\"Old\" xmlUrl=\""
            + server.url("/old.xml")
            + "\"/></outline>\n"
            + "</outline>\n"
            + "<outline type=\"rss\" text=\"Gone\" xmlUrl=\""
            + server.url("/gone.xml")
            + "\"/>\n"
            + "<outline type=\"rss\" text=\"Mail\" xmlUrl=\"mailto:desk@example.org\"/>\n"
            + "</body>\n</opml>\n");

    Cli.Result run =
        ingest(
            "--read-timeout=1s",
            "--archive-gzip",
            "--retry-wait=10ms",
            list.toString(),
            server.url("/elsewhere.xml"));
    String err = run.err();
    assertThat(run.exit()).as(err).isEqualTo(ExitCodes.REJECTED);
    assertThat(err)
        .contains(server.url("/slow.xml") + ": error: no complete response within 1s")
        .contains(server.url("/gone.xml") + ": error: HTTP 404 Not Found")
        .contains(
            server.url("/old.xml") + ": note: moved permanently to " + server.url("/other.xml"))
        .contains(
            list
                + ":11:67: warning: outline's xmlUrl 'mailto:desk@example.org' is not an http(s) URL; skipped")
        .contains("fetch: 5 feeds, 3 fetched, 0 not modified, 2 failed");
    assertThat(err).doesNotContain(server.url("/elsewhere.xml") + ": note");
    assertThat(server.requests("/flaky.xml")).hasSize(3); // a 500 and its retry, then via 302
    assertThat(snapshots("/flaky.xml")).hasSize(1);
    assertThat(snapshots("/old.xml")).hasSize(1); // named from the subscribed URL
    assertThat(snapshots("/elsewhere.xml")).hasSize(1);
    assertThat(snapshots("/slow.xml")).isEmpty();
    assertThat(snapshots("/old.xml").get(0)).endsWith("Z.xml.gz"); // --archive-gzip, read as is
    assertThat(titles())
        .containsExactly(
            "Ferry timetable changes", "Harbour dredging starts", "Market moves indoors");
  }

  @Test
  void everyPollsInRoundsAndIngestsWhatChanged() throws IOException {
    server.route("/news.xml", (x, n) -> FeedServer.sendFeed(x, n == 1 ? V1 : V2));
    server.route("/other.xml", (x, n) -> FeedServer.sendFeed(x, OTHER));
    Cli.Result tooOften = ingest("--every", "10s", server.url("/news.xml"));
    assertThat(tooOften.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooOften.err()).contains("--every must be at least 1m, not 10s");
    assertThat(server.requests("/news.xml")).isEmpty();

    Cli.Result noFeeds = ingest("--every", "15m", "seeds");
    assertThat(noFeeds.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noFeeds.err()).contains("--every and --rounds need feed URLs or OPML lists to poll");
    Cli.Result roundsAlone = ingest("--rounds", "2", server.url("/news.xml"));
    assertThat(roundsAlone.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(roundsAlone.err()).contains("--rounds needs --every");
    Cli.Result badDuration = ingest("--every", "soon", server.url("/news.xml"));
    assertThat(badDuration.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDuration.err()).contains("--every must be a duration like 30s, 15m or 1h");
    assertThat(server.requests("/news.xml")).isEmpty();

    String before = System.getProperty(Poller.MINIMUM_PROPERTY);
    System.setProperty(Poller.MINIMUM_PROPERTY, "100ms");
    Cli.Result run;
    try {
      run =
          ingest(
              "--every",
              "300ms",
              "--rounds",
              "2",
              server.url("/news.xml"),
              server.url("/other.xml"));
    } finally {
      if (before == null) {
        System.clearProperty(Poller.MINIMUM_PROPERTY);
      } else {
        System.setProperty(Poller.MINIMUM_PROPERTY, before);
      }
    }
    String err = run.err();
    assertThat(run.exit()).as(err).isEqualTo(ExitCodes.OK);
    assertThat(err)
        .containsPattern("fetch: round 1 \\(\\S+Z\\): 2 feeds, 2 fetched, 0 not modified, 0 failed")
        .containsPattern("fetch: round 2 \\(\\S+Z\\): 2 feeds, 1 fetched, 1 not modified, 0 failed")
        .contains("fetch: polling ended");
    // round 2 ingests the one folder that changed: its two snapshots, one of them new
    List<String> summaries = err.lines().filter(l -> l.startsWith("ingest: ")).toList();
    assertThat(summaries).hasSize(2);
    assertThat(summaries.get(1))
        .startsWith("ingest: 2 files read, 1 added,")
        .contains("1 unchanged");
    assertThat(snapshots("/news.xml")).hasSize(2);
    assertThat(snapshots("/other.xml")).hasSize(1);
    assertThat(titles())
        .containsExactly(
            "Bridge reopens",
            "Ferry timetable changes again",
            "Harbour dredging starts",
            "Market moves indoors");
  }
}
