package org.newsgraph.subscribe;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.Problem;
import org.newsgraph.source.SafeXml;

/**
 * One round of fetching: the feeds named on the command line and in OPML lists are fetched one
 * after the other, and each response that differs from the feed's latest snapshot is archived
 * ({@link FeedArchive}). Every failure is one line on the error stream, and the round goes on with
 * the next feed. What the round wrote is then for {@code ingest} to read: {@link Round#changed()}.
 * For one thread; a {@link StopSignal} ends a round between two feeds.
 */
public final class Subscriber {

  private final FeedArchive archive;
  private final FetchSettings settings;
  private final Clock clock;
  private final StopSignal stop;
  private final PrintWriter err;
  private final boolean verbose;
  private final HttpFetcher fetcher;

  /**
   * The most rounds a failing feed sits out: after {@code k} failed rounds in a row it waits {@code
   * 2^(k-1) - 1} rounds, at most this many, before it is tried again.
   */
  static final int MAX_ROUNDS_SKIPPED = 7;

  /** Feeds whose last round failed: consecutive failures, and the first round to try again. */
  private final Map<String, int[]> failing = new HashMap<>();

  private int rounds;

  /**
   * @param archive where snapshots go
   * @param settings timeouts, retries, politeness, size cap
   * @param clock the time snapshots are named by
   * @param stop asks a round to end between feeds; also the waits' sleeper
   * @param err where a line per failure (and per new snapshot) goes
   * @param verbose also name the feeds that did not change
   */
  public Subscriber(
      FeedArchive archive,
      FetchSettings settings,
      Clock clock,
      StopSignal stop,
      PrintWriter err,
      boolean verbose) {
    this(archive, settings, clock, stop, stop, err, verbose);
  }

  Subscriber(
      FeedArchive archive,
      FetchSettings settings,
      Clock clock,
      StopSignal stop,
      Sleeper sleeper,
      PrintWriter err,
      boolean verbose) {
    this.archive = archive;
    this.settings = settings;
    this.clock = clock;
    this.stop = stop;
    this.err = err;
    this.verbose = verbose;
    this.fetcher = new HttpFetcher(settings, clock, sleeper);
  }

  /**
   * What a round did.
   *
   * @param feeds the feeds tried
   * @param fetched feeds with a new snapshot
   * @param notModified feeds that answered 304, or the bytes of their latest snapshot
   * @param failed feeds that could not be fetched or archived (each reported)
   * @param waiting feeds that failed in the rounds before and sit this one out (backing off)
   * @param listsFailed OPML lists that could not be read (each reported)
   * @param changed the folders of the feeds with a new snapshot, as paths under the archive
   * @param folders the folders of every feed of the round that has one
   * @param stopped whether a stop ended the round before every feed was tried
   */
  public record Round(
      int feeds,
      int fetched,
      int notModified,
      int failed,
      int waiting,
      int listsFailed,
      List<String> changed,
      List<String> folders,
      boolean stopped) {

    /** Whether anything failed: a feed or a list. */
    public boolean anyFailed() {
      return failed > 0 || listsFailed > 0;
    }

    /** {@code 3 feeds, 1 fetched, 1 not modified, 1 failed}. */
    public String summary() {
      return feeds
          + (feeds == 1 ? " feed, " : " feeds, ")
          + fetched
          + " fetched, "
          + notModified
          + " not modified, "
          + failed
          + " failed"
          + (waiting > 0 ? ", " + waiting + " waiting" : "")
          + (listsFailed > 0
              ? ", " + listsFailed + (listsFailed == 1 ? " list" : " lists") + " unreadable"
              : "")
          + (stopped ? " (stopped)" : "");
    }
  }

  /**
   * Whether a command-line argument is a subscription rather than a path to read: an {@code
   * http://} or {@code https://} URL, a file named {@code *.opml}, or a file whose first element is
   * {@code opml}.
   */
  public static boolean isSubscription(String argument) {
    String lower = argument.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return true;
    }
    if (lower.endsWith(".opml")) {
      return true;
    }
    if (argument.equals("-")) {
      return false;
    }
    try {
      Path file = Path.of(argument);
      if (!Files.isRegularFile(file)) {
        return false;
      }
      try (InputStream in = Files.newInputStream(file)) {
        return Opml.isOpml(in.readNBytes(4096));
      }
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * Runs one round.
   *
   * @param sources feed URLs, OPML list URLs and OPML files, as the user named them
   * @return what the round did
   */
  public Round run(List<String> sources) {
    rounds++;
    Counts counts = new Counts();
    Deque<Item> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (String source : sources) {
      String lower = source.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        URI url = Opml.feedUrl(source);
        if (url == null) {
          err.println(source + ": error: not a usable http(s) URL");
          counts.failed++;
        } else if (seen.add(url.toString())) {
          queue.add(new Item(url, true));
        }
      } else {
        for (URI url : readList(source, counts)) {
          if (seen.add(url.toString())) {
            queue.add(new Item(url, false));
          }
        }
      }
    }
    while (!queue.isEmpty()) {
      if (stop.stopped()) {
        counts.stopped = true;
        break;
      }
      Item item = queue.poll();
      fetch(item, counts, queue, seen);
    }
    return new Round(
        counts.feeds,
        counts.fetched,
        counts.notModified,
        counts.failed,
        counts.waiting,
        counts.listsFailed,
        List.copyOf(counts.changed),
        List.copyOf(counts.folders),
        counts.stopped);
  }

  private List<URI> readList(String file, Counts counts) {
    byte[] bytes;
    Path path = Path.of(file);
    try {
      long size = Files.size(path);
      if (size > settings.maxBytes()) {
        err.println(
            file
                + ": error: larger than the limit of "
                + settings.maxBytes()
                + " bytes (raise it with --max-file-size)");
        counts.listsFailed++;
        return List.of();
      }
      bytes = Files.readAllBytes(path);
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(file + ": error: no such file");
      counts.listsFailed++;
      return List.of();
    } catch (IOException e) {
      err.println(file + ": error: cannot read: " + e.getMessage());
      counts.listsFailed++;
      return List.of();
    }
    return list(bytes, file, counts);
  }

  private List<URI> list(byte[] bytes, String source, Counts counts) {
    Opml.Result result = Opml.read(bytes, source);
    for (Problem problem : result.problems()) {
      err.println(problem);
    }
    if (result.failed()) {
      counts.listsFailed++;
    } else if (result.urls().isEmpty()) {
      err.println(source + ": warning: the OPML list names no feed (no outline with an xmlUrl)");
    }
    return result.urls();
  }

  private void fetch(Item item, Counts counts, Deque<Item> queue, Set<String> seen) {
    String url = item.url().toString();
    int[] failures = failing.get(url);
    if (failures != null && rounds < failures[1]) {
      counts.waiting++;
      return;
    }
    FeedArchive.Folder folder;
    Path latest;
    try {
      folder = archive.folderFor(item.url());
      folder.removeLeftovers();
      latest = folder.latest();
    } catch (IOException e) {
      counts.feeds++;
      counts.failed++;
      err.println(url + ": error: cannot read its archive folder: " + e);
      return;
    }
    FeedState state = folder.state();
    boolean conditional = latest != null;
    HttpFetcher.Response response;
    try {
      response =
          fetcher.get(
              item.url(),
              conditional ? state.etag() : null,
              conditional ? state.lastModified() : null);
    } catch (FetchFailure e) {
      if (e.isStop()) {
        counts.stopped = true;
        queue.clear();
        return;
      }
      counts.feeds++;
      counts.failed++;
      int[] f = failing.computeIfAbsent(url, u -> new int[2]);
      f[0]++;
      int skip = Math.min((1 << Math.min(f[0] - 1, 10)) - 1, MAX_ROUNDS_SKIPPED);
      f[1] = rounds + skip + 1;
      err.println(
          url
              + ": error: "
              + e.getMessage()
              + (skip > 0
                  ? " (failed "
                      + f[0]
                      + " rounds in a row: tried again in "
                      + (skip + 1)
                      + " rounds)"
                  : ""));
      addFolder(folder, latest, counts);
      return;
    }
    failing.remove(url);
    if (response.movedTo() != null) {
      err.println(
          url
              + ": note: moved permanently to "
              + response.movedTo()
              + "; fetched there, but update the subscription");
    }
    if (!response.notModified() && item.direct() && Opml.isOpml(response.body())) {
      // a list given by URL: its feeds join this round; the list itself is not archived
      for (URI feed : list(response.body(), url, counts)) {
        if (seen.add(feed.toString())) {
          queue.add(new Item(feed, false));
        }
      }
      return;
    }
    counts.feeds++;
    Instant now = clock.instant();
    try {
      if (response.notModified()) {
        counts.notModified++;
        if (verbose) {
          err.println(url + ": not modified (HTTP 304)");
        }
      } else {
        byte[] body = response.body();
        String notFeed = notAFeed(body);
        if (notFeed != null) {
          counts.failed++;
          err.println(url + ": error: " + notFeed + "; not archived");
          addFolder(folder, latest, counts);
          return;
        }
        if (latest != null && Arrays.equals(body, FeedArchive.Folder.bytesOf(latest))) {
          counts.notModified++;
          if (verbose) {
            err.println(url + ": not modified (the bytes of " + latest + ")");
          }
        } else {
          Path written = folder.writeSnapshot(body, now);
          counts.fetched++;
          counts.changed.add(folder.dir().toString());
          err.println(url + ": new snapshot " + written + " (" + body.length + " bytes)");
        }
      }
      folder.saveState(
          new FeedState(
              url,
              response.etag() != null || !response.notModified() ? response.etag() : state.etag(),
              response.lastModified() != null || !response.notModified()
                  ? response.lastModified()
                  : state.lastModified(),
              now.toString(),
              response.movedTo() == null ? null : response.movedTo().toString()));
    } catch (IOException e) {
      counts.failed++;
      err.println(url + ": error: cannot write the archive: " + e);
    }
    addFolder(folder, latest, counts);
  }

  private static void addFolder(FeedArchive.Folder folder, Path latest, Counts counts) {
    if (latest != null || Files.isDirectory(folder.dir())) {
      counts.folders.add(folder.dir().toString());
    }
  }

  /** Why a response is not archived as a feed, or null when it is one. */
  private static String notAFeed(byte[] body) {
    byte[] head = Arrays.copyOf(body, Math.min(body.length, 4096));
    if (SafeXml.looksLikeFeed(head)) {
      return null;
    }
    if (body.length == 0) {
      return "empty response";
    }
    if (SafeXml.looksLikeHtml(head)) {
      return "not a feed: the response is an HTML page";
    }
    if (Opml.isOpml(head)) {
      return "an OPML list inside an OPML list (lists are followed one level deep)";
    }
    return "not a feed: its first element is not rss, feed or rdf:RDF";
  }

  private record Item(URI url, boolean direct) {}

  private static final class Counts {
    int feeds;
    int fetched;
    int notModified;
    int failed;
    int waiting;
    int listsFailed;
    boolean stopped;
    final Set<String> changed = new LinkedHashSet<>();
    final Set<String> folders = new LinkedHashSet<>();
  }
}
