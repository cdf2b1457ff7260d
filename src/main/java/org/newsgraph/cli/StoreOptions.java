package org.newsgraph.cli;

import java.nio.file.Path;
import org.newsgraph.map.IriFactory;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.Tdb2Store;
import picocli.CommandLine.Option;

/** The options every command that opens the store shares. */
public final class StoreOptions {

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description = "TDB2 database directory (default: $NEWSGRAPH_DB, else ./newsgraph-db).")
  Path db;

  @Option(
      names = "--base",
      paramLabel = "IRI",
      description = "Base IRI of the data (default: ${DEFAULT-VALUE}).",
      defaultValue = IriFactory.DEFAULT_BASE)
  String base;

  /** The database directory chosen by option, environment or default. */
  Path dbDirectory() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("NEWSGRAPH_DB");
    return Path.of(env != null && !env.isBlank() ? env : "newsgraph-db");
  }

  /** Opens the store. */
  GraphStore open() {
    return Tdb2Store.open(dbDirectory());
  }

  /** The IRI factory for the chosen base. */
  IriFactory iris() {
    return IriFactory.of(base);
  }
}
