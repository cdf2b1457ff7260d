package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's folders, snapshot files and state, and the reading of {@code Retry-After}. */
class FeedArchiveTest {

  @TempDir Path tmp;

  @Test
  void twoUrlsWithTheSameFolderNameGetTwoFoldersAndKeepThem() throws IOException {
    FeedArchive archive = new FeedArchive(tmp);
    URI slash = URI.create("https://news.example.org/a/b.xml");
    URI underscore = URI.create("https://news.example.org/a_b.xml");
    FeedArchive.Folder first = archive.folderFor(slash);
    first.saveState(FeedState.fresh(slash.toString()));
    FeedArchive.Folder second = archive.folderFor(underscore);
    assertThat(first.dir().getFileName().toString()).isEqualTo("news.example.org_a_b.xml");
    assertThat(second.dir().getFileName().toString())
        .matches("news\\.example\\.org_a_b\\.xml-[0-9a-f]{8}");
    second.saveState(FeedState.fresh(underscore.toString()));
    // the next run finds each URL's own folder again
    assertThat(archive.folderFor(underscore).dir()).isEqualTo(second.dir());
    assertThat(archive.folderFor(slash).dir()).isEqualTo(first.dir());
  }

  @Test
  void snapshotsAreWrittenWholeWithNothingLeftBesideThemAndTheStateKeepsItsValues()
      throws IOException {
    FeedArchive.Folder folder = new FeedArchive(tmp).folderFor(URI.create("https://x.example/f"));
    Instant at = Instant.parse("2026-12-07T08:15:00Z");
    byte[] v1 = "<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8);
    Path one = folder.writeSnapshot(v1, at);
    Path two = folder.writeSnapshot(v1, at.plusMillis(400));
    assertThat(one.getFileName().toString()).isEqualTo("2026-12-07T08-15-00Z.xml");
    assertThat(two.getFileName().toString()).isEqualTo("2026-12-07T08-15-00Z_2.xml");
    assertThat(folder.latest()).isEqualTo(two);
    assertThat(Files.readAllBytes(one)).isEqualTo(v1);

    // a temporary file a crash left behind is removed, and never taken for a snapshot
    Path leftover = folder.dir().resolve(FeedArchive.STATE_DIR).resolve("write-123.tmp");
    Files.writeString(leftover, "<rss");
    folder.removeLeftovers();
    assertThat(leftover).doesNotExist();

    FeedState state =
        new FeedState(
            "https://x.example/f",
            "W/\"a b\\c\"",
            "Mon, 07 Dec 2026 08:00:00 GMT",
            at.toString(),
            null);
    folder.saveState(state);
    assertThat(
            FeedState.read(
                folder.dir().resolve(FeedArchive.STATE_DIR).resolve(FeedArchive.STATE_FILE)))
        .isEqualTo(state);
    try (Stream<Path> files = Files.list(folder.dir().resolve(FeedArchive.STATE_DIR))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.properties");
    }
  }

  @Test
  void retryAfterIsReadInSecondsOrAsADate() {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    HttpFetcher fetcher =
        new HttpFetcher(FetchSettings.DEFAULT, Clock.fixed(now, ZoneOffset.UTC), d -> true);
    assertThat(fetcher.retryAfter(headers("120"))).isEqualTo(Duration.ofMinutes(2));
    assertThat(fetcher.retryAfter(headers("Mon, 07 Dec 2026 08:00:30 GMT")))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(fetcher.retryAfter(headers("Mon, 07 Dec 2026 07:00:00 GMT")))
        .isEqualTo(Duration.ZERO);
    assertThat(fetcher.retryAfter(headers("soon"))).isNull();
  }

  private static HttpHeaders headers(String retryAfter) {
    return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (k, v) -> true);
  }
}
