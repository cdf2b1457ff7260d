package org.newsgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.ingest.IngestOptions;
import org.newsgraph.ingest.IngestReport;
import org.newsgraph.ingest.Ingester;
import org.newsgraph.ingest.Provenance;
import org.newsgraph.ingest.StoryMaintainer;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.model.InvalidValueException;
import org.newsgraph.model.UsageException;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.GraphStore;
import org.newsgraph.subscribe.Durations;
import org.newsgraph.subscribe.FeedArchive;
import org.newsgraph.subscribe.FetchSettings;
import org.newsgraph.subscribe.Poller;
import org.newsgraph.subscribe.Subscriber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsgraph ingest PATH...}: reads records, maps them, stores one graph per record. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read records (Markdown front matter or YAML) and store one named graph per record.",
      "Incremental: a file whose size and modification time, or else SHA-256, are",
      "unchanged since the last run is skipped (--checksum: by SHA-256 alone);",
      "a changed file has its graphs replaced atomically; --prune removes the graphs",
      "of files that are gone. Into an empty TDB2 store the TDB2 bulk loader is used.",
      "Each run is recorded as a PROV-O activity in the graph {base}graph/meta.",
      "Bad records are reported as path:line:col: error: ... and left out whole.",
      "Feed URLs (http://, https://) and OPML subscription lists (*.opml files or",
      "URLs) are fetched first: each new version of a feed is kept as a dated file in",
      "its folder of the archive (--archive), and those folders are ingested. With",
      "--every, the feeds are polled until stopped (Ctrl-C) or for --rounds rounds.",
      "Exit 0 when every record was stored, 1 when some were rejected or a feed or",
      "list could not be fetched, 3 when the store is unavailable (locked by another",
      "process, unreachable, disk full)."
    })
final class IngestCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Files or folders to read; '-' reads one record from standard input; feed URLs and"
              + " OPML lists (files or URLs) to fetch.")
  List<String> paths;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per write transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads that read, parse and map (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--prune",
      description = "Remove the graphs of source files that no longer exist.")
  boolean prune;

  @Option(
      names = "--no-bulk",
      negatable = false,
      description = "Never use the bulk loader, even into an empty store (write batches instead).")
  boolean noBulk;

  @Option(
      names = "--progress",
      negatable = true,
      fallbackValue = "true",
      description =
          "Show a progress line on stderr (default: when run in an interactive terminal).")
  Boolean progress;

  @Option(
      names = "--checksum",
      description =
          "Hash every file to find the changed ones, instead of trusting an unchanged size and"
              + " modification time (use when files may change without their modification time changing).")
  boolean checksum;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also list every article merged from several descriptions and every file skipped, with"
              + " the reason.")
  boolean verbose;

  @Option(
      names = "--no-infer-links",
      negatable = false,
      description =
          "Do not infer same-story and copy links from text and time; links inferred by earlier"
              + " runs are removed, and stories use the records' related links alone.")
  boolean noInferLinks;

  @Option(
      names = "--infer-window",
      paramLabel = "DAYS",
      defaultValue = "7",
      description =
          "Compare articles published at most this many days apart (default: ${DEFAULT-VALUE}).")
  int inferWindowDays;

  @Option(
      names = "--infer-threshold",
      paramLabel = "SCORE",
      defaultValue = "0.325",
      description =
          "Least similarity (0 to 1) of a same-story pair (default: ${DEFAULT-VALUE}); higher"
              + " gives fewer, surer links.")
  double inferThreshold;

  @Option(
      names = "--infer-neighbours",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Each article keeps at most its N strongest similar pairs with articles published"
              + " before it (default: ${DEFAULT-VALUE}); bounds the links of a window crowded with"
              + " near-identical texts.")
  int inferNeighbours;

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      defaultValue = "8388608",
      description =
          "Refuse files larger than this, before reading them, and gzip files that inflate to"
              + " more; in a WARC file (streamed, of any size), skip captures whose page is"
              + " larger (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

  @Option(
      names = "--archive",
      paramLabel = "DIR",
      defaultValue = "feeds-archive",
      description =
          "Where fetched feeds are kept, one folder per feed, one file per version"
              + " (default: ${DEFAULT-VALUE}, in the working directory).")
  Path archive;

  @Option(
      names = "--archive-gzip",
      description =
          "Write new snapshots gzipped (.xml.gz); ingest reads them as they are (default: as"
              + " fetched).")
  boolean archiveGzip;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description =
          "Poll the feeds at this interval (30s, 15m, 1h; at least 1m) until stopped, ingesting"
              + " after each round what changed.")
  String every;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "With --every: stop after N rounds (default: run until stopped).")
  Integer rounds;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Longest wait for a connection to a feed's host (default: ${DEFAULT-VALUE}).")
  String connectTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "Longest wait for a feed's whole response (default: ${DEFAULT-VALUE}).")
  String readTimeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Tries again after a connection error, 429 or 5xx, waiting --retry-wait, then twice"
              + " as long each time, or what Retry-After asks (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--retry-wait",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description = "The wait before the first retry (default: ${DEFAULT-VALUE}).")
  String retryWait;

  @Option(
      names = "--host-interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description =
          "Least time between two requests to one host (default: ${DEFAULT-VALUE}; 0s for no"
              + " wait).")
  String hostInterval;

  @Override
  public Integer call() {
    // IngestOptions and ReaderLimits refuse these too, but as preconditions
    // (IllegalArgumentException).
    atLeastOne("--batch-size", batchSize);
    atLeastOne("--max-file-size", maxFileSize);
    if (threads != null) {
      atLeastOne("--threads", threads);
    }
    atLeastOne("--infer-window", inferWindowDays);
    atLeastOne("--infer-neighbours", inferNeighbours);
    if (!(inferThreshold > 0 && inferThreshold <= 1)) {
      throw new UsageException(
          "--infer-threshold must be more than 0 and at most 1, not " + inferThreshold);
    }
    InferenceSettings inference =
        InferenceSettings.DEFAULTS
            .withWindow(Duration.ofDays(inferWindowDays))
            .withThreshold(inferThreshold)
            .withNeighbours(inferNeighbours);
    ReaderLimits limits =
        new ReaderLimits(
            maxFileSize, ReaderLimits.DEFAULT.maxAliases(), ReaderLimits.DEFAULT.maxDepth());
    IngestOptions options =
        IngestOptions.defaults()
            .withBatchSize(batchSize)
            .withPrune(prune)
            .withBulk(!noBulk)
            .withChecksum(checksum)
            .withVerbose(verbose)
            .withProgress(progress != null ? progress : System.console() != null);
    if (threads != null) {
      options = options.withThreads(threads);
    }
    IngestOptions settings = options;
    SubscribeRun.Ingest ingest = files -> ingest(files, limits, settings, inference);
    List<String> subscriptions = paths.stream().filter(Subscriber::isSubscription).toList();
    if (subscriptions.isEmpty()) {
      if (every != null || rounds != null) {
        throw new UsageException("--every and --rounds need feed URLs or OPML lists to poll");
      }
      return ingest.run(paths);
    }
    List<String> local = new ArrayList<>(paths);
    local.removeAll(subscriptions);
    SubscribeRun run =
        new SubscribeRun(console, new FeedArchive(archive, archiveGzip), fetchSettings(), verbose);
    if (every == null) {
      if (rounds != null) {
        throw new UsageException("--rounds needs --every");
      }
      return run.once(subscriptions, local, ingest);
    }
    if (local.contains("-")) {
      throw new UsageException("'-' (standard input) cannot be polled; leave it out of --every");
    }
    Duration interval = duration("--every", every);
    Duration minimum = Poller.minimum();
    if (interval.compareTo(minimum) < 0) {
      throw new UsageException(
          "--every must be at least " + Durations.format(minimum) + ", not " + every);
    }
    if (rounds != null) {
      atLeastOne("--rounds", rounds);
    }
    return run.poll(subscriptions, local, interval, rounds == null ? 0 : rounds, ingest);
  }

  private FetchSettings fetchSettings() {
    Duration connect = duration("--connect-timeout", connectTimeout);
    Duration read = duration("--read-timeout", readTimeout);
    if (connect.isZero() || read.isZero()) {
      throw new UsageException("--connect-timeout and --read-timeout must be more than 0");
    }
    if (retries < 0) {
      throw new UsageException("--retries must be 0 or more, not " + retries);
    }
    FetchSettings d = FetchSettings.DEFAULT;
    return new FetchSettings(
        connect,
        read,
        retries,
        duration("--retry-wait", retryWait),
        d.maxRetryAfter(),
        duration("--host-interval", hostInterval),
        maxFileSize,
        d.userAgent());
  }

  private static Duration duration(String option, String text) {
    try {
      return Durations.parse(option, text);
    } catch (InvalidValueException e) {
      throw new UsageException(option + " must be " + e.expected() + ", not '" + text + "'", e);
    }
  }

  /** The ingest of local paths (and of archive folders), as without subscriptions. */
  private int ingest(
      List<String> files, ReaderLimits limits, IngestOptions options, InferenceSettings inference) {
    try (GraphStore graphs = store.open()) {
      Ingester ingester =
          new Ingester(
              graphs,
              new RecordReader(limits),
              new RecordMapper(store.iris()),
              new Provenance(store.iris()),
              new SystemGraphs(store.iris()).load(),
              options,
              problem -> console.err().println(problem),
              console.err());
      ingester.addListener(new StoryMaintainer(graphs, store.iris(), inference, !noInferLinks));
      IngestReport report = ingester.run(files, console.in());
      console.err().println(report.summary());
      return report.files().rejected() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
    }
  }

  private static void atLeastOne(String option, long value) {
    if (value < 1) {
      throw new UsageException(option + " must be at least 1, not " + value);
    }
  }
}
