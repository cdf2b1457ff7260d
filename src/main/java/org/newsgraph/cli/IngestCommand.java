package org.newsgraph.cli;

import java.time.Duration;
import java.util.List;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.ingest.IngestOptions;
import org.newsgraph.ingest.IngestReport;
import org.newsgraph.ingest.Ingester;
import org.newsgraph.ingest.Provenance;
import org.newsgraph.ingest.StoryMaintainer;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.model.UsageException;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.GraphStore;
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
      "Exit 0 when every record was stored, 1 when some were rejected, 3 when the",
      "store is unavailable (locked by another process, unreachable, disk full)."
    })
final class IngestCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or folders to read; '-' reads one record from standard input.")
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
      names = "--max-file-size",
      paramLabel = "BYTES",
      defaultValue = "8388608",
      description =
          "Refuse files larger than this, before reading them, and gzip files that inflate to"
              + " more; in a WARC file (streamed, of any size), skip captures whose page is"
              + " larger (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

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
    if (!(inferThreshold > 0 && inferThreshold <= 1)) {
      throw new UsageException(
          "--infer-threshold must be more than 0 and at most 1, not " + inferThreshold);
    }
    InferenceSettings d = InferenceSettings.DEFAULTS;
    InferenceSettings inference =
        new InferenceSettings(
            Duration.ofDays(inferWindowDays),
            inferThreshold,
            d.decay(),
            d.headlineWeight(),
            d.copyContainment(),
            d.bodyChars());
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
      IngestReport report = ingester.run(paths, console.in());
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
