package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * WARC files written by an independent tool, Debian's {@code wget --warc-file}, from our own
 * fixture pages served on a loopback port: every HTML response of status 200 is a page (its chunked
 * and gzip encodings decoded), its target URI the identity when the page states none, and every
 * other record is skipped and counted by reason. Skipped, saying so, when wget is absent.
 */
class WarcIngestTest {

  private static final Path PAGES = Path.of("src/test/resources/fixtures/pages");

  @TempDir static Path tmp;
  private static Path warc;
  private static String host;

  @BeforeAll
  static void crawl() throws Exception {
    assumeTrue(
        wget() != null, "wget is not installed: WarcIngestTest skipped (apt-get install wget)");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] graph = Files.readAllBytes(PAGES.resolve("graph.html"));
    String plain =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Quay wall repaired | Harbour Gazette</title>"
            + "<meta property=\"og:title\" content=\"Quay wall repaired\">"
            + "<meta property=\"og:image\" content=\"img/wall.jpg\">"
            + "<meta property=\"article:published_time\" content=\"2024-03-06T08:00:00Z\">"
            + "</head><body><article><p>The west quay wall was repaired.</p></article></body></html>";
    server.createContext(
        "/news/graph.html", ex -> send(ex, 200, "text/html; charset=utf-8", graph, false));
    server.createContext(
        "/news/quay-wall.html",
        ex -> send(ex, 200, "text/html", plain.getBytes(StandardCharsets.UTF_8), true));
    server.createContext(
        "/style.css",
        ex -> send(ex, 200, "text/css", "p{}".getBytes(StandardCharsets.UTF_8), false));
    server.createContext(
        "/gone.html",
        ex ->
            send(
                ex, 404, "text/html", "<html>gone</html>".getBytes(StandardCharsets.UTF_8), false));
    server.start();
    try {
      host = "127.0.0.1:" + server.getAddress().getPort();
      Path dir = Files.createDirectories(tmp.resolve("crawl"));
      List<String> command =
          new ArrayList<>(
              List.of(
                  wget(),
                  "-q",
                  "--no-proxy",
                  "--tries=1",
                  "--warc-file=" + dir.resolve("crawl"),
                  "--no-warc-keep-log",
                  "-O",
                  "/dev/null"));
      for (String path :
          List.of("/news/graph.html", "/news/quay-wall.html", "/style.css", "/gone.html")) {
        command.add("http://" + host + path);
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wget did not finish");
      warc = dir.resolve("crawl.warc.gz");
      assertTrue(Files.isRegularFile(warc), "wget wrote no WARC: " + out);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void everyHtmlResponseIsAPageAndEveryOtherRecordIsCountedByReason() {
    String db = tmp.resolve("db").toString();
    Cli.Result run = Cli.run("ingest", "--no-infer-links", "--db", db, warc.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    String summary = run.err().lines().reduce("", (a, b) -> b);
    // wget writes a warcinfo record, a request per URL, a metadata record (its manifest) and a
    // resource record (its arguments)
    assertTrue(
        summary.startsWith(
            "ingest: 1 files read (1 WARC: 2 pages, 9 records skipped: 1 HTTP status not 200,"
                + " 1 metadata (not a response), 1 not HTML, 4 request (not a response), 1 resource"
                + " (not a response), 1 warcinfo (not a response)), 2 added,"),
        summary);
    // The page that states its URL is identified by it; the other by the capture's target URI, and
    // its relative image resolves against it. The second page came chunked and gzip-encoded.
    assertEquals(
        List.of(
            "<http://"
                + host
                + "/news/quay-wall.html>\t\"Quay wall repaired\"\t<http://"
                + host
                + "/news/img/wall.jpg>",
            "<https://www.harbour-gazette.example/news/tide-gauge?ns_campaign=x&ito=y>\t\"Tide gauge fixed after storm & surge\"\t"),
        FeedIngestTest.rows(
            db,
            "SELECT ?u ?h ?i { ?a schema:url ?u ; schema:headline ?h OPTIONAL { ?a schema:image ?i"
                + " FILTER(CONTAINS(STR(?i), 'wall')) } } ORDER BY DESC(STR(?i)) ?u"));
    assertEquals(
        List.of("\"The west quay wall was repaired.\""),
        FeedIngestTest.rows(
            db, "SELECT ?t { ?a schema:headline \"Quay wall repaired\" ; schema:text ?t }"));
    // each page's graph names the WARC file and the record's offset in it
    List<String> sources =
        FeedIngestTest.rows(
            db, "SELECT ?s { GRAPH ?g { ?a a news:Article . ?g dcterms:source ?s } } ORDER BY ?s");
    assertEquals(2, sources.size(), sources.toString());
    for (String s : sources) {
      assertTrue(s.matches("\".*crawl\\.warc\\.gz@\\d+\""), s);
    }
  }

  @Test
  void aCutWarcIsAnErrorNamingTheFileAndTheOffsetWhileTheOtherFilesAreStored() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cut"));
    byte[] bytes = Files.readAllBytes(warc);
    // the first records and half of the next: a record-compressed WARC cut mid-record
    Files.write(dir.resolve("cut.warc.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Files.copy(PAGES.resolve("graph.html"), dir.resolve("graph.html"));
    String db = tmp.resolve("db-cut").toString();
    Cli.Result run = Cli.run("ingest", "--no-infer-links", "--db", db, dir.toString());
    assertEquals(ExitCodes.REJECTED, run.exit(), run.err());
    assertTrue(
        run.err()
            .matches(
                "(?s).*cut\\.warc\\.gz@\\d+:1:1: error: malformed WARC record after the record at byte offset \\d+: .*"),
        run.err());
    assertTrue(run.err().contains("1 rejected"), run.err());
    assertEquals(
        List.of("\"Tide gauge fixed after storm & surge\""),
        FeedIngestTest.rows(db, "SELECT ?h { ?a schema:headline ?h }"));
  }

  private static void send(
      com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body, boolean gzip)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    byte[] bytes = body;
    if (gzip) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
        out.write(body);
      }
      bytes = buffer.toByteArray();
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(status, 0); // 0: chunked transfer encoding
    } else {
      ex.sendResponseHeaders(status, bytes.length);
    }
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The wget on the PATH, or null. */
  private static String wget() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "wget");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
