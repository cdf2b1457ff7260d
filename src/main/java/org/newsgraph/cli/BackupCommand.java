package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.newsgraph.export.Exporter;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newsgraph backup FILE}: an N-Quads dump of every graph, written atomically. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write every named graph (records, system graphs, metadata) as N-Quads to FILE",
      "(gzip-compressed when FILE ends in .gz).",
      "The dump goes to a temporary file beside FILE and is renamed into place when complete,",
      "so a failure (disk full, crash) leaves an earlier FILE whole. Restore with 'ingest' of the",
      "sources, or load the dump with tdb2.tdbloader into an empty store."
    })
final class BackupCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The N-Quads file to write.")
  Path file;

  @Override
  public Integer call() {
    try (GraphStore graphs = store.open()) {
      try {
        new Exporter(graphs).export(OutputFormat.NQ, null, file);
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new StoreException(
            "cannot write backup "
                + file
                + ": "
                + e.getMessage()
                + " (an earlier backup at that path is untouched)",
            e);
      }
      console.err().println("backup: " + graphs.describe() + " written to " + file);
    }
    return ExitCodes.OK;
  }
}
