package org.newsgraph.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.newsgraph.serve.NewsgraphServer;
import org.newsgraph.serve.ServeSettings;
import org.newsgraph.serve.resource.DescribeServlet;
import org.newsgraph.store.Credentials;
import org.newsgraph.store.ServedEndpoint;
import org.newsgraph.store.StoreException;
import org.newsgraph.store.Tdb2Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code newsgraph serve}: the SPARQL endpoint and query page over the store, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the store over HTTP until stopped (Ctrl-C or SIGTERM).",
      "SPARQL: /newsgraph/sparql   graphs: /newsgraph/get   named queries: /q/NAME",
      "query page: /   health: /$/ping",
      "Read-only and loopback-only, with a query timeout and a row cap, unless told otherwise."
    })
final class ServeCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "3030",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free port and prints it).")
  int port;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Cancel any query running longer than this (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "" + ServeSettings.DEFAULT_MAX_ROWS,
      description =
          "Most rows one SELECT response carries; a cut result has the header "
              + ServeSettings.TRUNCATED_HEADER
              + " (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--cors",
      paramLabel = "ORIGIN",
      description = "Allow cross-origin requests from ORIGIN (or *). Off by default.")
  String cors;

  @Option(
      names = "--writable",
      description =
          "Accept SPARQL Update at /newsgraph/update and graph writes at /newsgraph/data "
              + "(needs --password-file).")
  boolean writable;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File with one line 'user:password': the user allowed to write (HTTP Basic).")
  Path passwordFile;

  @Override
  public Integer call() {
    checkOptions();
    ServeSettings settings = new ServeSettings(Duration.ofSeconds(timeoutSeconds), maxRows);
    Credentials writer = writable ? Credentials.read(passwordFile) : null;
    Tdb2Store tdb = Tdb2Store.open(store.dbDirectory());
    NewsgraphServer server = start(tdb, settings, writer);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, tdb), "newsgraph-shutdown"));
    recordEndpoint(server);
    console
        .err()
        .println(
            "newsgraph: serving "
                + tdb.describe()
                + " at "
                + server.url()
                + " ("
                + (writable ? "writable by " + writer.user() : "read-only")
                + ")");
    String resources = resourcePath();
    console
        .err()
        .println(
            resources != null
                ? "newsgraph: IRIs under "
                    + store.iris().base()
                    + " are described at "
                    + server.url()
                    + resources.substring(1)
                    + "..."
                : "newsgraph: the base IRI's path is taken by the server; for dereferenceable IRIs serve with"
                    + " --base http://HOST:PORT/id/ (and ingest with the same --base)");
    console
        .err()
        .println(
            "newsgraph: SPARQL endpoint "
                + server.url()
                + NewsgraphServer.DATASET
                + "/sparql; port "
                + server.port()
                + "; stop with Ctrl-C");
    server.join();
    return ExitCodes.OK;
  }

  private void checkOptions() {
    if (store.remote()) {
      throw new ParameterException(
          spec.commandLine(),
          "serve serves a --db store only; a remote store (--endpoint) has its own SPARQL"
              + " endpoint: send queries there, or run the other commands with --endpoint URL");
    }
    if (writable != (passwordFile != null)) {
      throw new ParameterException(
          spec.commandLine(),
          writable
              ? "--writable needs --password-file FILE (one line 'user:password')"
              : "--password-file applies only with --writable");
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
    }
    // ServeSettings and the server builder refuse these too, but as preconditions.
    if (maxRows < 1) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 1");
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
    }
  }

  /** Builds and starts the server; on any failure closes the store, since nobody else will. */
  private NewsgraphServer start(Tdb2Store tdb, ServeSettings settings, Credentials writer) {
    NewsgraphServer server;
    try {
      NewsgraphServer.Builder builder =
          NewsgraphServer.builder(tdb)
              .host(host)
              .port(port)
              .settings(settings)
              .cors(cors)
              .writable(writer)
              .iris(store.iris());
      String resources = resourcePath();
      if (resources != null) {
        builder.addServlet(
            resources + "*", new DescribeServlet(tdb.dataset(), store.iris().base()));
      }
      server = builder.build();
    } catch (RuntimeException e) {
      tdb.close();
      throw e;
    }
    try {
      return server.start();
    } catch (RuntimeException e) {
      server.stop();
      tdb.close();
      throw new ParameterException(
          spec.commandLine(),
          "cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + rootMessage(e)
              + "; check --host and --port");
    }
  }

  /**
   * Where resource descriptions are served: the path of the data's base IRI, so that a base
   * pointing at this server ({@code --base http://host:port/id/}) makes every IRI dereferenceable.
   * Null when that path is the server's own (the default base's {@code /newsgraph/id/}, or {@code
   * /}).
   */
  private String resourcePath() {
    String path = URI.create(store.iris().base()).getPath();
    if (path == null || !path.endsWith("/") || NewsgraphServer.isReserved(path)) {
      return null;
    }
    return path;
  }

  /** The message of the innermost cause: what the operating system said. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }

  /**
   * Records the server's SPARQL endpoint beside the store's lock ({@link ServedEndpoint}), so that
   * {@code query}, {@code export} and {@code stats} on the store read through it while it is held.
   * A server listening on every interface is reached on the loopback one.
   */
  private void recordEndpoint(NewsgraphServer server) {
    String local =
        switch (host) {
          case "0.0.0.0", "" -> "127.0.0.1";
          case "::", "[::]", "::0" -> "[::1]";
          default -> host.contains(":") ? "[" + host + "]" : host;
        };
    try {
      ServedEndpoint.record(
          store.dbDirectory(),
          "http://" + local + ":" + server.port() + "/" + NewsgraphServer.DATASET);
    } catch (StoreException e) {
      console
          .err()
          .println(
              "newsgraph: warning: "
                  + e.getMessage()
                  + "; query, export and stats on this store will not find this server");
    }
  }

  /**
   * Runs in the shutdown hook: lets requests in flight finish, removes the endpoint's record, then
   * closes the store.
   */
  private void stop(NewsgraphServer server, Tdb2Store tdb) {
    console.err().println("newsgraph: stopping");
    try {
      server.stop();
    } finally {
      ServedEndpoint.remove(store.dbDirectory());
      tdb.close();
    }
    console.err().println("newsgraph: stopped; store closed");
  }
}
