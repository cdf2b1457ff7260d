package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.generate.FeedSnapshotGenerator;
import org.newsgraph.model.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph generate}: writes a synthetic corpus for tests and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic corpus of record files in the real format, for tests and benchmarks:",
      "long-tailed providers, stories whose records cite each other, outside articles cited by several",
      "records of a story, URL variants (http, trailing slash, utm_ parameters, AMP), unicode, every field.",
      "Record i depends only on --seed and i: --first N --count M adds records N..N+M-1 to a corpus.",
      "With --feed-snapshots it writes instead a history of polled RSS/Atom feeds: --count snapshots,",
      "taken in turn of --outlets feeds once an hour, each holding its feed's --items latest items."
    })
final class GenerateCommand extends BaseCommand {

  @Option(
      names = "--count",
      paramLabel = "N",
      required = true,
      description = "How many records to write.")
  long count;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--first",
      paramLabel = "I",
      defaultValue = "0",
      description = "Index of the first record (default: ${DEFAULT-VALUE}).")
  long first;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder to write into (created when absent).")
  Path out;

  @Option(
      names = "--resaved",
      paramLabel = "SHARE",
      defaultValue = "0",
      description =
          "Share of records (0 to 1) that also get a re-saved copy NAME-2.md: the same article under"
              + " another URL form, another update time and heat, one more topic, sometimes one more related"
              + " article (default: ${DEFAULT-VALUE}).")
  double resaved;

  @Option(
      names = "--api-pages",
      description =
          "Also write every record again as an item of JSON API pages"
              + " (api/news/page-N.json, 20 records a page), as real sites do.")
  boolean apiPages;

  @Option(
      names = "--feed-snapshots",
      description =
          "Write feed snapshots (snapshots/DOMAIN/TIME-HASH.xml, RSS 2.0 and Atom) instead of"
              + " records: the same items in many snapshots, some edited, stories and wire copies"
              + " across outlets, a share cut short. --count and --first count snapshots.")
  boolean feedSnapshots;

  @Option(
      names = "--outlets",
      paramLabel = "N",
      defaultValue = "16",
      description = "With --feed-snapshots: how many feeds (default: ${DEFAULT-VALUE}).")
  int outlets;

  @Option(
      names = "--items",
      paramLabel = "N",
      defaultValue = "30",
      description = "With --feed-snapshots: items in a snapshot (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(
      names = "--malformed",
      paramLabel = "SHARE",
      defaultValue = "0.02",
      description =
          "With --feed-snapshots: share of snapshots (0 to 1) cut short, not well-formed XML"
              + " (default: ${DEFAULT-VALUE}).")
  double malformed;

  @Override
  public Integer call() throws IOException {
    if (count < 0 || first < 0) {
      throw new UsageException("--count and --first must not be negative");
    }
    if (feedSnapshots) {
      if (resaved != 0 || apiPages) {
        throw new UsageException(
            "--resaved and --api-pages apply to records, not --feed-snapshots");
      }
      if (outlets < 1 || items < 1) {
        throw new UsageException("--outlets and --items must be at least 1");
      }
      if (!(malformed >= 0 && malformed <= 1)) {
        throw new UsageException("--malformed must be between 0 and 1, was " + malformed);
      }
      new FeedSnapshotGenerator(seed, outlets, items, malformed).generate(out, first, count);
      console
          .err()
          .println(
              "generate: "
                  + count
                  + " feed snapshots of "
                  + outlets
                  + " outlets written to "
                  + out);
      return ExitCodes.OK;
    }
    if (!(resaved >= 0 && resaved <= 1)) {
      throw new UsageException("--resaved must be between 0 and 1, was " + resaved);
    }
    long written = new CorpusGenerator(seed, resaved, apiPages).generate(out, first, count);
    console
        .err()
        .println(
            "generate: "
                + count
                + " records written to "
                + out
                + (written > count ? " (" + written + " files)" : ""));
    return ExitCodes.OK;
  }
}
