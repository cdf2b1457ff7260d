package org.newsgraph.cli;

import java.util.List;
import org.newsgraph.ingest.IngestReport;
import org.newsgraph.ingest.Ingester;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.GraphStore;
import org.newsgraph.story.StoryIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsgraph ingest PATH...}: reads records, maps them, stores one graph per record. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read records (Markdown front matter or YAML) from files and folders and store one named graph per record.",
      "Bad records are reported as path:line:col: error: ... and left out whole; the rest are stored.",
      "Exit 0 when every record was stored, 1 when some were rejected, 3 when the store is unavailable."
    })
final class IngestCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read; '-' reads one record from standard input.")
  List<String> paths;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
      description = "Records per write transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "8388608",
      description = "Refuse files larger than this, before reading them (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

  @Override
  public Integer call() {
    ReaderLimits limits = new ReaderLimits(maxFileSize, ReaderLimits.DEFAULT.maxAliases(),
        ReaderLimits.DEFAULT.maxDepth());
    try (GraphStore graphs = store.open()) {
      Ingester ingester = new Ingester(graphs, new RecordReader(limits),
          new RecordMapper(store.iris()), batchSize,
          new SystemGraphs(store.iris()).load(), problem -> console.err().println(problem));
      StoryIndex stories = new StoryIndex(graphs, store.iris());
      ingester.afterBatch(stories::update);
      IngestReport report = ingester.run(paths, console.in());
      console.err().println(report.summary());
      return report.recordsRejected() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
    }
  }
}
