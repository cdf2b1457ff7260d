package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching rounds against a scripted loopback server, without a store: retries and their waits
 * (recorded, not slept), Retry-After, connection errors, per-host pacing, the size cap, content
 * encoding, unchanged bytes and responses that are not feeds.
 */
class SubscriberTest {

  private static final String FEED =
      FeedServer.rss(
          "Mon, 07 Dec 2026 07:00:00 GMT", "https://gazette.example.org/a", "Ferry timetable");

  @TempDir Path tmp;
  private FeedServer server;
  private final List<Duration> sleeps = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    server = new FeedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Subscriber subscriber(FetchSettings settings) {
    return subscriber(settings, false);
  }

  private Subscriber subscriber(FetchSettings settings, boolean gzip) {
    Sleeper recording =
        d -> {
          synchronized (sleeps) {
            sleeps.add(d);
          }
          return true;
        };
    return new Subscriber(
        new FeedArchive(tmp.resolve("archive"), gzip),
        settings,
        Clock.systemUTC(),
        new StopSignal(),
        recording,
        new PrintWriter(err, true),
        true);
  }

  private static FetchSettings settings() {
    return new FetchSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        2,
        Duration.ofMillis(100),
        Duration.ofMinutes(2),
        Duration.ZERO,
        1 << 20,
        FetchSettings.defaultUserAgent());
  }

  private List<Path> snapshots(String folder) throws IOException {
    Path dir = tmp.resolve("archive").resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void serverErrorsAreRetriedWithDoublingWaitsThenTheFeedIsArchived() throws IOException {
    server.route(
        "/flaky.xml",
        (x, n) -> {
          if (n <= 2) {
            FeedServer.send(x, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
          } else {
            FeedServer.sendFeed(x, FEED);
          }
        });
    Subscriber.Round round = subscriber(settings()).run(List.of(server.url("/flaky.xml")));
    assertThat(round.fetched()).as(err.toString()).isEqualTo(1);
    assertThat(server.requests("/flaky.xml")).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(snapshots("127.0.0.1_" + port() + "_flaky.xml")).hasSize(1);
  }

  private int port() {
    return java.net.URI.create(server.url("/")).getPort();
  }

  @Test
  void retryAfterIsHonouredAndOneAskingTooMuchFailsTheFeedAtOnce() {
    server.route(
        "/later.xml",
        (x, n) -> {
          if (n == 1) {
            x.getResponseHeaders().set("Retry-After", "5");
            FeedServer.send(x, 429, "text/plain", new byte[0]);
          } else {
            FeedServer.sendFeed(x, FEED);
          }
        });
    server.route(
        "/tomorrow.xml",
        (x, n) -> {
          x.getResponseHeaders().set("Retry-After", "86400");
          FeedServer.send(x, 503, "text/plain", new byte[0]);
        });
    Subscriber.Round round =
        subscriber(settings()).run(List.of(server.url("/later.xml"), server.url("/tomorrow.xml")));
    assertThat(round.fetched()).isEqualTo(1);
    assertThat(round.failed()).isEqualTo(1);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    assertThat(server.requests("/tomorrow.xml")).hasSize(1);
    assertThat(err.toString())
        .contains(
            server.url("/tomorrow.xml")
                + ": error: HTTP 503 Service Unavailable, and Retry-After asks to wait 1d, more"
                + " than the 2m waited");
  }

  @Test
  void aHostThatRefusesConnectionsIsTriedAgainThenReportedAndTheNextFeedIsFetched()
      throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    server.route("/news.xml", (x, n) -> FeedServer.sendFeed(x, FEED));
    String down = "http://127.0.0.1:" + closed + "/feed.xml";
    Subscriber.Round round = subscriber(settings()).run(List.of(down, server.url("/news.xml")));
    assertThat(round.failed()).isEqualTo(1);
    assertThat(round.fetched()).isEqualTo(1);
    assertThat(err.toString())
        .contains(down + ": error: connection refused")
        .contains("(after 3 attempts)");
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void requestsToOneHostAreSpacedByTheHostInterval() {
    server.route("/a.xml", (x, n) -> FeedServer.sendFeed(x, FEED));
    server.route("/b.xml", (x, n) -> FeedServer.sendFeed(x, FEED));
    FetchSettings d = settings();
    FetchSettings paced =
        new FetchSettings(
            d.connectTimeout(),
            d.readTimeout(),
            d.retries(),
            d.retryWait(),
            d.maxRetryAfter(),
            Duration.ofSeconds(30),
            d.maxBytes(),
            d.userAgent());
    subscriber(paced).run(List.of(server.url("/a.xml"), server.url("/b.xml")));
    // the second request waited for the rest of the host's 30 s (recorded, not slept)
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
  }

  @Test
  void gzipIsUndoneIdenticalBytesWriteNothingAndTheCapAndNonFeedsAreErrors() throws IOException {
    byte[] xml = FEED.getBytes(StandardCharsets.UTF_8);
    server.route(
        "/zipped.xml",
        (x, n) -> {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(xml);
          }
          x.getResponseHeaders().set("Content-Encoding", "gzip");
          FeedServer.send(x, 200, "application/rss+xml", zipped.toByteArray());
        });
    server.route(
        "/big.xml", (x, n) -> FeedServer.sendFeed(x, FEED.replace("Local news", "x".repeat(3000))));
    server.route(
        "/page.xml",
        (x, n) ->
            FeedServer.send(
                x,
                200,
                "text/html",
                "<!DOCTYPE html><html><body>Log in</body></html>"
                    .getBytes(StandardCharsets.UTF_8)));
    FetchSettings d = settings();
    FetchSettings small =
        new FetchSettings(
            d.connectTimeout(),
            d.readTimeout(),
            d.retries(),
            d.retryWait(),
            d.maxRetryAfter(),
            d.hostInterval(),
            2000,
            d.userAgent());
    List<String> urls =
        List.of(server.url("/zipped.xml"), server.url("/big.xml"), server.url("/page.xml"));
    Subscriber.Round first = subscriber(small).run(urls);
    assertThat(first.summary()).isEqualTo("3 feeds, 1 fetched, 0 not modified, 2 failed");
    String folder = "127.0.0.1_" + port() + "_zipped.xml";
    List<Path> files = snapshots(folder);
    assertThat(files).hasSize(1);
    assertThat(Files.readAllBytes(files.get(0))).isEqualTo(xml);
    assertThat(files.get(0).getFileName().toString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.xml");
    assertThat(err.toString())
        .contains(
            server.url("/big.xml") + ": error: the body is larger than the limit of 2000 bytes")
        .contains(
            server.url("/page.xml")
                + ": error: not a feed: the response is an HTML page; not archived");
    assertThat(snapshots("127.0.0.1_" + port() + "_page.xml")).isEmpty();

    Subscriber.Round second = subscriber(small).run(List.of(server.url("/zipped.xml")));
    assertThat(second.summary()).isEqualTo("1 feed, 0 fetched, 1 not modified, 0 failed");
    assertThat(second.changed()).isEmpty();
    assertThat(snapshots(folder)).hasSize(1);
    assertThat(server.requests("/zipped.xml").get(0).headers().getFirst("Accept-Encoding"))
        .contains("gzip");
  }

  @Test
  void aUrlThatAnswersWithAnOpmlListIsAListWhoseFeedsJoinTheRound() throws IOException {
    server.route("/a.xml", (x, n) -> FeedServer.sendFeed(x, FEED));
    server.route(
        "/desk",
        (x, n) ->
            FeedServer.send(
                x,
                200,
                "text/x-opml",
                ("<opml version=\"2.0\"><body><outline text=\"Local\">"
                        + "<outline type=\"rss\" xmlUrl=\""
                        + server.url("/a.xml")
                        + "\"/><outline type=\"rss\" xmlUrl=\""
                        + server.url("/desk")
                        + "\"/></outline></body></opml>")
                    .getBytes(StandardCharsets.UTF_8)));
    Subscriber.Round round =
        subscriber(settings()).run(List.of(server.url("/desk"), server.url("/a.xml")));
    // the list is not a feed; it names itself, which is fetched once already: no loop
    assertThat(round.summary())
        .as(err.toString())
        .isEqualTo("1 feed, 1 fetched, 0 not modified, 0 failed");
    assertThat(server.requests("/a.xml")).hasSize(1);
    assertThat(server.requests("/desk")).hasSize(1);
    assertThat(snapshots("127.0.0.1_" + port() + "_desk")).isEmpty();
    assertThat(round.changed()).hasSize(1);
  }

  @Test
  void aFeedThatKeepsFailingSitsOutMoreRoundsEachTimeWhileTheOthersArePolled() {
    server.route(
        "/down.xml",
        (x, n) -> FeedServer.send(x, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
    server.route("/up.xml", (x, n) -> FeedServer.sendFeed(x, FEED));
    FetchSettings d = settings();
    FetchSettings once =
        new FetchSettings(
            d.connectTimeout(),
            d.readTimeout(),
            0,
            d.retryWait(),
            d.maxRetryAfter(),
            d.hostInterval(),
            d.maxBytes(),
            d.userAgent());
    Subscriber subscriber = subscriber(once);
    List<String> summaries = new ArrayList<>();
    for (int round = 1; round <= 8; round++) {
      summaries.add(
          subscriber.run(List.of(server.url("/down.xml"), server.url("/up.xml"))).summary());
    }
    // tried in rounds 1, 2, 4 and 8: after k failures in a row it sits out 2^(k-1) - 1 rounds
    assertThat(server.requests("/down.xml")).hasSize(4);
    assertThat(server.requests("/up.xml")).hasSize(8);
    assertThat(summaries.get(2))
        .isEqualTo("1 feed, 0 fetched, 1 not modified, 0 failed, 1 waiting");
    assertThat(summaries.get(3)).isEqualTo("2 feeds, 0 fetched, 1 not modified, 1 failed");
    assertThat(err.toString())
        .contains(
            server.url("/down.xml")
                + ": error: HTTP 503 Service Unavailable (failed 3 rounds in a row: tried again in 4"
                + " rounds)");
  }

  @Test
  void aGzippedArchiveKeepsTheBytesCompressedAndComparesThemInflated() throws IOException {
    String[] body = {FEED};
    server.route("/news.xml", (x, n) -> FeedServer.sendFeed(x, body[0]));
    Subscriber subscriber = subscriber(settings(), true);
    List<String> url = List.of(server.url("/news.xml"));
    assertThat(subscriber.run(url).fetched()).isEqualTo(1);
    assertThat(subscriber.run(url).notModified()).isEqualTo(1);
    body[0] = FEED.replace("Ferry timetable", "Ferry timetable, corrected");
    assertThat(subscriber.run(url).fetched()).isEqualTo(1);
    List<Path> files = snapshots("127.0.0.1_" + port() + "_news.xml");
    assertThat(files).hasSize(2);
    assertThat(files.get(0).getFileName().toString()).endsWith("Z.xml.gz");
    // the same second gives …Z_2.xml.gz, which sorts after …Z.xml.gz as a later second would
    assertThat(files.get(1).getFileName().toString()).endsWith(".xml.gz");
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(files.get(1)))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body[0]);
    }
  }
}
