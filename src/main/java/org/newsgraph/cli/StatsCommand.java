package org.newsgraph.cli;

import org.newsgraph.ingest.Provenance;
import org.newsgraph.ingest.RunHistory;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.query.PreparedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.query.StatsQuery;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsgraph stats}: counts what the store holds and lists the last ingest runs. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Count articles, providers, topics, related links, graphs and quads in the store,",
      "then list the last ingest runs (newest first) with their counts: files read, graphs added,",
      "replaced, unchanged files, failed files, removed graphs."
    })
final class StatsCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, csv, tsv, json or xml (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--no-runs", description = "Leave out the list of ingest runs.")
  boolean noRuns;

  @Override
  public Integer call() throws java.io.IOException {
    OutputFormat resultFormat = OutputFormat.forQuery(format);
    try (GraphStore graphs = store.openForReading(console.err())) {
      QueryRunner runner = new QueryRunner(graphs, QueryCatalog.load(), store.iris());
      PreparedQuery counts = StatsQuery.forDialect(graphs.dialect(), store.iris());
      runner.run(counts.query(), counts.binding(), resultFormat, console.out());
      if (!noRuns) {
        runner.run(
            RunHistory.QUERY,
            RunHistory.binding(new Provenance(store.iris())),
            resultFormat,
            console.out());
      }
    }
    console.out().flush();
    return ExitCodes.OK;
  }
}
