package org.newsgraph.cli;

import java.nio.file.Path;
import org.newsgraph.model.InvalidValueException;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.Credentials;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.RemoteEndpoint;
import org.newsgraph.store.RemoteStore;
import org.newsgraph.store.ServedEndpoint;
import org.newsgraph.store.StoreLockedException;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;
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

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Use the remote dataset at URL (SPARQL at URL/sparql, update at URL/update, "
              + "Graph Store Protocol at URL/data) instead of --db. Queries read the union of its named "
              + "graphs, as its default graph or as <urn:x-arq:UnionGraph> (Fuseki in any setup).")
  String endpoint;

  @Option(
      names = "--endpoint-auth",
      paramLabel = "FILE",
      description =
          "HTTP Basic credentials for --endpoint: a file whose single line is user:password.")
  Path endpointAuth;

  @Option(
      names = "--endpoint-query",
      paramLabel = "URL",
      description = "Override the SPARQL query URL.")
  String queryUrl;

  @Option(
      names = "--endpoint-update",
      paramLabel = "URL",
      description = "Override the SPARQL update URL.")
  String updateUrl;

  @Option(
      names = "--endpoint-gsp",
      paramLabel = "URL",
      description = "Override the Graph Store Protocol URL.")
  String gspUrl;

  @Option(
      names = "--endpoint-max-request",
      paramLabel = "SIZE",
      description =
          "Most bytes of one write request to --endpoint: a batch's graphs go in as few SPARQL"
              + " Update requests of this size as they fit (e.g. 512k, 8M; default 8M, at least"
              + " 16k; Virtuoso's are kept to 4M and 500 graphs).")
  String maxRequest;

  /** The database directory chosen by option, environment or default. */
  Path dbDirectory() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("NEWSGRAPH_DB");
    return Path.of(env != null && !env.isBlank() ? env : "newsgraph-db");
  }

  /** True when a remote endpoint was chosen. */
  boolean remote() {
    return endpoint != null;
  }

  /**
   * Opens the store: the remote endpoint when given, else the TDB2 directory.
   *
   * @throws UsageException when the remote options are inconsistent
   */
  GraphStore open() {
    if (endpoint == null) {
      if (endpointAuth != null
          || queryUrl != null
          || updateUrl != null
          || gspUrl != null
          || maxRequest != null) {
        throw new UsageException("--endpoint-auth and --endpoint-* need --endpoint URL");
      }
      return Tdb2Store.open(dbDirectory());
    }
    if (db != null) {
      throw new UsageException("give either --db or --endpoint, not both");
    }
    RemoteEndpoint remote;
    try {
      remote = RemoteEndpoint.of(endpoint).withUrls(queryUrl, updateUrl, gspUrl);
    } catch (InvalidValueException e) {
      throw new UsageException("--endpoint must be " + e.expected() + ": " + e.value(), e);
    }
    if (endpointAuth != null) {
      remote = remote.withCredentials(Credentials.read(endpointAuth));
    }
    if (maxRequest != null) {
      remote = remote.withMaxRequestBytes(size(maxRequest));
    }
    return new RemoteStore(remote);
  }

  /**
   * A request size: bytes, or a number with k or M (1024, 1024²).
   *
   * @throws UsageException when it is not one, or below the least allowed
   */
  static long size(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]{1,12})([kKmM]?)").matcher(text.strip());
    if (!m.matches()) {
      throw new UsageException(
          "--endpoint-max-request must be a size like 512k or 8M, not '" + text + "'");
    }
    long bytes = Long.parseLong(m.group(1));
    bytes <<=
        switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          default -> 0;
        };
    if (bytes < RemoteEndpoint.MIN_MAX_REQUEST_BYTES) {
      throw new UsageException(
          "--endpoint-max-request must be at least 16k ("
              + RemoteEndpoint.MIN_MAX_REQUEST_BYTES
              + " bytes), not '"
              + text
              + "'");
    }
    return bytes;
  }

  /**
   * Opens the store for a command that only reads it: as {@link #open()}, but a TDB2 store held by
   * a running {@code newsgraph serve} is read through that server's SPARQL endpoint, which the
   * server recorded beside the lock ({@link ServedEndpoint}); one line on {@code err} says so. A
   * store locked by any other process fails as in {@link #open()}.
   *
   * @param err where to say that the server is read
   */
  GraphStore openForReading(java.io.PrintWriter err) {
    try {
      return open();
    } catch (StoreLockedException locked) {
      ServedEndpoint served = ServedEndpoint.of(locked).orElseThrow(() -> locked);
      err.println(
          "newsgraph: "
              + locked.directory()
              + " is held by 'newsgraph serve' (process "
              + served.pid()
              + "); reading it through that server's SPARQL endpoint "
              + served.url()
              + "/sparql");
      return new RemoteStore(RemoteEndpoint.of(served.url()));
    }
  }

  /**
   * The IRI factory for the chosen base.
   *
   * @throws UsageException when --base is not a base IRI
   */
  IriFactory iris() {
    try {
      return IriFactory.of(base);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
