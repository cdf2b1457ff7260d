package org.newsgraph.cli;

import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.query.ResultFormat;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsgraph stats}: counts what the store holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Count articles, providers, topics, related links, graphs and quads in the store.")
final class StatsCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, csv, tsv, json or xml (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    try (GraphStore graphs = store.open()) {
      QueryRunner runner = new QueryRunner(graphs, QueryCatalog.load(), store.iris());
      runner.run(org.newsgraph.query.StatsQuery.QUERY, org.apache.jena.sparql.engine.binding.BindingFactory.empty(),
          ResultFormat.of(format), console.out());
    }
    return ExitCodes.OK;
  }
}
