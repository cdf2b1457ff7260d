package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.serve.ServeFixture.get;
import static org.newsgraph.serve.ServeFixture.post;
import static org.newsgraph.serve.ServeFixture.query;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;

/**
 * The safe defaults of a read-only server: no writes of any kind, a timeout that stops runaway
 * queries while others are answered, no federated SERVICE, and many clients served at once.
 */
@Tag("slow")
class ServerSafetyTest {

  private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

  /** Five copies of every triple joined with each other: about 200^5 rows to count. */
  private static final String RUNAWAY =
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i ."
          + " ?j ?k ?l . ?m ?n1 ?o }";

  @TempDir static Path dir;
  private static Tdb2Store store;
  private static NewsgraphServer server;
  private static String count;

  @BeforeAll
  static void start() throws Exception {
    store = ServeFixture.store(dir);
    server =
        NewsgraphServer.builder(store)
            .port(0)
            .settings(new ServeSettings(Duration.ofSeconds(2), 1000))
            .build()
            .start();
    count = query(server, COUNT, "text/csv").body();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  @Test
  void updatesAreRefusedAndChangeNothing() throws Exception {
    String sparql = server.url() + "newsgraph/sparql";
    List<HttpResponse<String>> refused =
        List.of(
            post(server.url() + "newsgraph/update", "application/sparql-update", "DROP ALL"),
            post(sparql, "application/sparql-update", "DROP ALL"),
            post(sparql, "application/x-www-form-urlencoded", "update=DROP%20ALL"),
            post(server.url() + "newsgraph", "application/sparql-update", "CLEAR ALL"),
            post(
                server.url() + "newsgraph",
                "application/x-www-form-urlencoded",
                "update=DROP%20ALL"));
    assertThat(refused)
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499));
    assertThat(query(server, COUNT, "text/csv").body()).isEqualTo(count);
  }

  @Test
  void loadIsRefusedAndFetchesNothing() throws Exception {
    try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String load = "LOAD <http://127.0.0.1:" + target.getLocalPort() + "/data.ttl>";
      assertThat(
              post(server.url() + "newsgraph/update", "application/sparql-update", load)
                  .statusCode())
          .isBetween(400, 499);
      assertThat(
              post(server.url() + "newsgraph/sparql", "application/sparql-update", load)
                  .statusCode())
          .isBetween(400, 499);
      assertNoConnection(target);
    }
  }

  @Test
  void graphStoreWritesAreRefused() throws Exception {
    String turtle = "<https://x.example/s> <https://x.example/p> <https://x.example/o> .";
    for (String path :
        List.of("newsgraph/get?default", "newsgraph/data?default", "newsgraph?default")) {
      URI uri = URI.create(server.url() + path);
      for (HttpRequest request :
          List.of(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "text/turtle")
                  .PUT(HttpRequest.BodyPublishers.ofString(turtle))
                  .build(),
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "text/turtle")
                  .POST(HttpRequest.BodyPublishers.ofString(turtle))
                  .build(),
              HttpRequest.newBuilder(uri).DELETE().build())) {
        int status =
            ServeFixture.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).as(request.method() + " " + path).isBetween(400, 499);
      }
    }
    assertThat(query(server, COUNT, "text/csv").body()).isEqualTo(count);
  }

  /**
   * A client that sends a refused write and then reuses its connection (as pooling HTTP clients do)
   * gets its next answer on it. The body arrives only after the server could have refused the
   * request from its headers alone; a server that answered then and closed the connection without
   * saying so ("Connection: close") would leave the client a dead pooled connection.
   */
  @Test
  void aRefusedWriteLeavesTheConnectionUsable() throws Exception {
    String body =
        "<https://x.example/s> <https://x.example/p> <https://x.example/o> .\n".repeat(50);
    URI base = URI.create(server.url());
    for (String request :
        List.of(
            "PUT /newsgraph/get?default",
            "POST /newsgraph/update",
            "POST /newsgraph/sparql",
            "DELETE /newsgraph/data?default")) {
      try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        java.io.OutputStream out = socket.getOutputStream();
        String type =
            request.contains("update") || request.contains("sparql")
                ? "application/sparql-update"
                : "text/turtle";
        out.write(
            (request
                    + " HTTP/1.1\r\nHost: "
                    + base.getAuthority()
                    + "\r\nContent-Type: "
                    + type
                    + "\r\nContent-Length: "
                    + body.length()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300);
        try {
          out.write(body.getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (java.io.IOException closed) {
          // allowed only when the refusal says the connection closes, checked below
        }
        java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
        String refusal = readResponse(in);
        assertThat(statusOf(refusal)).as(request).isBetween(400, 499);
        if (refusal.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n")) {
          continue; // the server said it closes: a client does not reuse the connection
        }
        out.write(
            ("GET /newsgraph/sparql?query="
                    + ServeFixture.encode(COUNT)
                    + " HTTP/1.1\r\nHost: "
                    + base.getAuthority()
                    + "\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String second = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(statusOf(second)).as("the query after " + request).isEqualTo(200);
        assertThat(second)
            .contains("\r\n" + count.lines().skip(1).findFirst().orElseThrow() + "\r\n");
      }
    }
  }

  /** The refusal is sent at once, and a large refused upload is not read to its end. */
  @Test
  void aLargeRefusedUploadIsAnsweredAtOnceAndNotReadToItsEnd() throws Exception {
    URI base = URI.create(server.url());
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /newsgraph/get?default HTTP/1.1\r\nHost: "
                  + base.getAuthority()
                  + "\r\nContent-Type: text/turtle\r\nContent-Length: 104857600\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      assertThat(statusOf(readResponse(in))).isEqualTo(405);
      // Past the drain limit the server closes: writing the 100 MB it was promised fails early.
      byte[] block = new byte[64 * 1024];
      long sent = 0;
      try {
        while (sent < 104_857_600L) {
          out.write(block);
          sent += block.length;
        }
      } catch (java.io.IOException closed) {
        // expected: the server closed the connection
      }
      assertThat(sent).isLessThan(50L << 20);
      int next;
      try {
        next = in.read();
      } catch (java.net.SocketException reset) {
        next = -1; // closed with the unread upload still queued: the peer sees a reset, not an end
      }
      assertThat(next).as("what the server sent after closing").isEqualTo(-1);
    }
  }

  /**
   * One HTTP/1.1 response with a Content-Length body read off a connection: what came, at its end.
   */
  private static String readResponse(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.toString();
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
    int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return head + new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static int statusOf(String response) {
    return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
  }

  @Test
  void runawayQueryStopsAtTheTimeoutWhileOthersAreAnswered() throws Exception {
    // After the 503 the query must be really stopped: its thread no longer burns CPU.
    CompletableFuture<HttpResponse<String>> runaway =
        ServeFixture.HTTP.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(
                        server.url() + "newsgraph/sparql?query=" + ServeFixture.encode(RUNAWAY)))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    int answeredMeanwhile = 0;
    while (!runaway.isDone()) {
      HttpResponse<String> other = query(server, COUNT, "text/csv");
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.body()).isEqualTo(count);
      answeredMeanwhile++;
      Thread.sleep(100);
    }
    HttpResponse<String> stopped = runaway.get();
    assertThat(stopped.statusCode()).isEqualTo(503);
    assertThat(stopped.body()).contains("timed out").contains("at most 2 s");
    assertThat(answeredMeanwhile).isPositive();
    long before = serverThreadsCpuNanos();
    Thread.sleep(1000);
    assertThat(serverThreadsCpuNanos() - before)
        .as("server CPU in the second after the timeout (ns)")
        .isLessThan(400_000_000L);
    HttpResponse<String> named =
        get(
            server.url() + "q/coverage?article=" + ServeFixture.encode(ServeFixture.ALPHA_URL),
            "text/csv");
    assertThat(named.statusCode()).isEqualTo(200);
  }

  @Test
  void aClientMayAskForAShorterTimeoutOnly() throws Exception {
    String url = server.url() + "newsgraph/sparql?query=" + ServeFixture.encode(RUNAWAY);
    HttpResponse<String> shorter = get(url + "&timeout=0.5", null);
    assertThat(shorter.statusCode()).isEqualTo(503);
    assertThat(get(url + "&timeout=soon", null).statusCode()).isEqualTo(400);
    assertThat(
            get(
                    server.url()
                        + "newsgraph/sparql?query="
                        + ServeFixture.encode(COUNT)
                        + "&timeout=3600",
                    "text/csv")
                .body())
        .isEqualTo(count);
  }

  @Test
  void serviceOpensNoConnection() throws Exception {
    try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String endpoint = "<http://127.0.0.1:" + target.getLocalPort() + "/sparql>";
      HttpResponse<String> direct =
          query(server, "SELECT * WHERE { SERVICE " + endpoint + " { ?s ?p ?o } }", null);
      assertThat(direct.statusCode()).isEqualTo(400);
      assertThat(direct.body()).contains("SERVICE");
      HttpResponse<String> nested =
          query(
              server,
              "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE "
                  + endpoint
                  + " { ?s ?p ?o } } } LIMIT 1",
              null);
      HttpResponse<String> sub =
          query(
              server,
              "SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT "
                  + endpoint
                  + " { ?s ?p ?o } } } }",
              null);
      assertThat(nested.statusCode()).isEqualTo(400);
      assertThat(sub.statusCode()).isEqualTo(400);
      // Neither a query fetched by reference nor a FROM graph makes the server open a connection.
      String local = "http://127.0.0.1:" + target.getLocalPort() + "/q.rq";
      assertThat(
              get(server.url() + "newsgraph/sparql?query-ref=" + ServeFixture.encode(local), null)
                  .statusCode())
          .isBetween(400, 499);
      assertThat(
              query(server, "SELECT * FROM <" + local + "> WHERE { ?s ?p ?o }", "text/csv")
                  .body()
                  .strip())
          .isEqualTo("s,p,o");
      assertNoConnection(target);
    }
  }

  @Test
  void fiftyConcurrentClientsAllGetTheirOwnAnswer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> {
                  String sparql =
                      n % 2 == 0
                          ? "SELECT ?n WHERE { VALUES ?n { " + n + " } ?s ?p ?o } LIMIT 1"
                          : "SELECT (COUNT(*) + " + n + " AS ?n) WHERE { ?s ?p ?o }";
                  HttpResponse<String> response = query(server, sparql, "text/csv");
                  assertThat(response.statusCode()).isEqualTo(200);
                  return response.body().lines().skip(1).findFirst().orElseThrow();
                }));
      }
      long total = Long.parseLong(count.lines().skip(1).findFirst().orElseThrow());
      for (int i = 0; i < 50; i++) {
        long expected = i % 2 == 0 ? i : total + i;
        assertThat(answers.get(i).get()).isEqualTo(Long.toString(expected));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void corsWhenAskedAllowsOnlyThatOrigin() throws Exception {
    NewsgraphServer open =
        NewsgraphServer.builder(store).port(0).cors("https://dash.example").build().start();
    try {
      URI uri = URI.create(open.url() + "newsgraph/sparql?query=" + ServeFixture.encode(COUNT));
      HttpResponse<String> allowed =
          ServeFixture.HTTP.send(
              HttpRequest.newBuilder(uri).header("Origin", "https://dash.example").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> other =
          ServeFixture.HTTP.send(
              HttpRequest.newBuilder(uri).header("Origin", "https://evil.example").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://dash.example");
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    } finally {
      open.stop();
    }
  }

  @Test
  void mountedServletIsServedAndReservedPathsRefused() throws Exception {
    jakarta.servlet.http.HttpServlet hello =
        new jakarta.servlet.http.HttpServlet() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void doGet(
              jakarta.servlet.http.HttpServletRequest req,
              jakarta.servlet.http.HttpServletResponse resp)
              throws java.io.IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("hello " + req.getPathInfo());
          }
        };
    NewsgraphServer extended =
        NewsgraphServer.builder(store).port(0).addServlet("/id/*", hello).build().start();
    try {
      assertThat(get(extended.url() + "id/article/1", null).body()).isEqualTo("hello /article/1");
    } finally {
      extended.stop();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> NewsgraphServer.builder(store).addServlet("/newsgraph/*", hello).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void stopLetsRequestsInFlightFinish() throws Exception {
    jakarta.servlet.http.HttpServlet slow =
        new jakarta.servlet.http.HttpServlet() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void doGet(
              jakarta.servlet.http.HttpServletRequest req,
              jakarta.servlet.http.HttpServletResponse resp)
              throws java.io.IOException {
            try {
              Thread.sleep(1500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            resp.setContentType("text/plain");
            resp.getWriter().print("finished");
          }
        };
    NewsgraphServer stopping =
        NewsgraphServer.builder(store).port(0).addServlet("/slow", slow).build().start();
    CompletableFuture<HttpResponse<String>> inFlight =
        ServeFixture.HTTP.sendAsync(
            HttpRequest.newBuilder(URI.create(stopping.url() + "slow")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(500);
    stopping.stop();
    HttpResponse<String> response = inFlight.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("finished");
  }

  /** CPU time used so far by Jetty's request threads (named "qtp…"), where queries run. */
  private static long serverThreadsCpuNanos() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("qtp")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static void assertNoConnection(ServerSocket target) throws Exception {
    target.setSoTimeout(1000);
    try (java.net.Socket accepted = target.accept()) {
      throw new AssertionError(
          "the server opened a connection to "
              + target.getLocalSocketAddress()
              + " from "
              + accepted.getRemoteSocketAddress());
    } catch (SocketTimeoutException expected) {
      // No connection arrived within a second of the queries having been answered.
    }
  }
}
