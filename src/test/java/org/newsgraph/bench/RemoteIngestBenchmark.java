package org.newsgraph.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.bench.IngestBenchmark.Measured;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.store.VirtuosoFixture;

/**
 * The remote-ingest benchmark: prints a table, asserts nothing about time. For each size in {@code
 * -Dbench.sizes} (default 5000) it generates a corpus and ingests it, each run in a fresh child JVM
 * with {@code -Xmx} from {@code -Dbench.xmx} (default 1g), into: an empty embedded store (the bulk
 * path, what {@code ingest --db} does first); an empty embedded store through batched transactions
 * ({@code --no-bulk}, the path a remote store always takes); a Fuseki server over TDB2 with the
 * union default graph on, in a JVM of its own on the same machine ({@code --endpoint}); and, when
 * {@code virtuoso-t} is installed, a Virtuoso 7 server set up as the contract test sets it up. Each
 * row gives the seconds, records per second and the ratio of the remote's time to the embedded bulk
 * path's. Wall times include JVM start-up. Run:
 *
 * <pre>mvn -B -q test -Dtest=RemoteIngestBenchmark -Dtest.excludedGroups=none -Dbench.sizes=5000
 * </pre>
 */
@Tag("benchmark")
public class RemoteIngestBenchmark {

  /** Runs the benchmark outside JUnit. */
  public static void main(String[] args) throws Exception {
    new RemoteIngestBenchmark().remoteIngestBenchmark();
  }

  @Test
  void remoteIngestBenchmark() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9s | %-52s | %10s | %9s | %17s |",
            "records",
            "store",
            "seconds",
            "records/s",
            "time / embedded"));
    rows.add(IngestBenchmark.rule(11, 54, 12, 11, 19));
    IngestBenchmark.everySize("remote ingest", "5000", rows, this::measure);
  }

  private void measure(Path dir, long n, List<String> rows) throws Exception {
    Path src = dir.resolve("src");
    new CorpusGenerator(1).generate(src, 0, n);
    Measured embedded =
        Measured.run(
            dir,
            "embedded",
            IngestBenchmark.cli("ingest", "--db", dir.resolve("db").toString(), src.toString()));
    row(rows, n, "embedded TDB2 (--db), bulk path", embedded, embedded);
    Measured batched =
        Measured.run(
            dir,
            "embedded-batched",
            IngestBenchmark.cli(
                "ingest",
                "--no-bulk",
                "--db",
                dir.resolve("db-batched").toString(),
                src.toString()));
    row(rows, n, "embedded TDB2 (--db), batched (--no-bulk)", batched, embedded);

    Path fusekiDir = dir.resolve("fuseki");
    Files.createDirectories(fusekiDir);
    int port = freePort();
    Path config = fusekiDir.resolve("newsgraph.ttl");
    Files.writeString(config, fusekiConfig(fusekiDir.resolve("tdb2")), StandardCharsets.UTF_8);
    Process fuseki =
        new ProcessBuilder(
                IngestBenchmark.java(Server.class.getName(), config.toString(), "" + port))
            .redirectErrorStream(true)
            .redirectOutput(fusekiDir.resolve("server.log").toFile())
            .start();
    try {
      String url = "http://127.0.0.1:" + port + "/newsgraph";
      awaitAnswer(url + "/sparql?query=ASK%7B%7D", fuseki);
      Measured remote =
          Measured.run(
              dir, "fuseki", IngestBenchmark.cli("ingest", "--endpoint", url, src.toString()));
      row(rows, n, "Fuseki 5.6 over TDB2, own JVM (--endpoint)", remote, embedded);
    } finally {
      fuseki.destroy();
      if (!fuseki.waitFor(30, TimeUnit.SECONDS)) {
        fuseki.destroyForcibly();
      }
    }

    if (VirtuosoFixture.installed()) {
      try (VirtuosoFixture virtuoso = new VirtuosoFixture(dir.resolve("virtuoso"))) {
        List<String> args = new ArrayList<>(List.of("ingest"));
        args.addAll(List.of(virtuoso.storeOptions()));
        args.add(src.toString());
        Measured remote =
            Measured.run(dir, "virtuoso", IngestBenchmark.cli(args.toArray(String[]::new)));
        row(rows, n, "Virtuoso 7.2 (--endpoint)", remote, embedded);
      }
    } else {
      System.out.println("virtuoso-t is not installed: the Virtuoso row is left out");
    }
  }

  private static void row(List<String> rows, long n, String store, Measured m, Measured embedded) {
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9d | %-52s | %10.1f | %9.0f | %16.2f× |",
            n,
            store,
            m.seconds(),
            n / m.seconds(),
            m.seconds() / embedded.seconds()));
  }

  /**
   * A Fuseki configuration: the dataset {@code /newsgraph} over TDB2 in {@code location}, with the
   * union default graph on; query at {@code sparql}, update at {@code update}, graphs at {@code
   * data}. The same file as docs/scale-out.md shows.
   */
  static String fusekiConfig(Path location) {
    return String.join(
        "\n",
        "PREFIX fuseki: <http://jena.apache.org/fuseki#>",
        "PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>",
        "",
        "<#service> a fuseki:Service ;",
        "    fuseki:name \"newsgraph\" ;",
        "    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name \"sparql\" ] ;",
        "    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name \"update\" ] ;",
        "    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name \"data\" ] ;",
        "    fuseki:dataset <#dataset> .",
        "",
        "<#dataset> a tdb2:DatasetTDB2 ;",
        "    tdb2:location \"" + location.toAbsolutePath().toString().replace("\\", "/") + "\" ;",
        "    tdb2:unionDefaultGraph true .",
        "");
  }

  /** Waits (up to a minute) until the server answers a query. */
  private static void awaitAnswer(String ask, Process server) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int i = 0; i < 600; i++) {
      if (!server.isAlive()) {
        throw new AssertionError("the Fuseki server stopped (exit " + server.exitValue() + ")");
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(ask)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the Fuseki server did not answer " + ask);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The Fuseki server of the benchmark, run in a JVM of its own: {@code CONFIG PORT}, on the
   * loopback interface, until killed.
   */
  public static final class Server {
    private Server() {}

    /** Starts the server. */
    public static void main(String[] args) {
      FusekiServer.create()
          .parseConfigFile(args[0])
          .port(Integer.parseInt(args[1]))
          .loopback(true)
          .build()
          .start()
          .join();
    }
  }
}
