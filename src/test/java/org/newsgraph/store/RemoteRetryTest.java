package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transient failures of a remote store, from a real HTTP server on a loopback port that answers
 * SPARQL Update requests with scripted status codes.
 */
class RemoteRetryTest {

  private static final Node G = NodeFactory.createURI("https://example.org/graph/1");
  private static final GraphContent CONTENT =
      new GraphContent(
          G,
          List.of(
              Triple.create(
                  NodeFactory.createURI("https://example.org/s"),
                  NodeFactory.createURI("https://example.org/p"),
                  NodeFactory.createLiteralString("o"))));

  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> authorizations = new ArrayList<>();

  /**
   * Answers {@code failures} update requests with {@code status}, then 204 (the GET that asks which
   * engine this is gets 405 and is not counted).
   */
  private String serve(int failures, int status) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ds/update",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
          }
          synchronized (authorizations) {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          }
          int n = requests.incrementAndGet();
          exchange.sendResponseHeaders(n <= failures ? status : 204, -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/ds";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilTheWriteSucceeds() throws Exception {
    String url = serve(2, 503);
    RemoteStore store =
        new RemoteStore(RemoteEndpoint.of(url).withRetries(4, Duration.ofMillis(20)));
    store.replaceGraphs(List.of(CONTENT));
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void graphsThatStillFailAreListedAndNoMetadataIsWritten() throws Exception {
    String url = serve(Integer.MAX_VALUE, 500);
    RemoteStore store =
        new RemoteStore(RemoteEndpoint.of(url).withRetries(3, Duration.ofMillis(10)));
    StoreBatch batch =
        new StoreBatch(
            List.of(CONTENT),
            List.of(),
            NodeFactory.createURI("https://example.org/meta"),
            List.of(G),
            List.of());
    assertThatThrownBy(() -> store.apply(batch))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("1 graph(s) could not be written")
        .hasMessageContaining("after 3 attempts")
        .hasMessageContaining("HTTP 500")
        .hasMessageEndingWith(G.getURI());
    // Three tries of the batch (the graph and its metadata in one request), then three of the graph
    // alone, to tell whether the graph is the one refused; the metadata is not sent again.
    assertThat(requests.get()).isEqualTo(6);
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    String url = serve(Integer.MAX_VALUE, 400);
    RemoteStore store =
        new RemoteStore(RemoteEndpoint.of(url).withRetries(5, Duration.ofMillis(10)));
    assertThatThrownBy(() -> store.replaceGraphs(List.of(CONTENT)))
        .isInstanceOf(StoreException.class);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void basicCredentialsComeFromTheAuthFile() throws Exception {
    String url = serve(0, 204);
    Path auth = tmp.resolve("auth");
    Files.writeString(auth, "writer:s3cret\n", StandardCharsets.UTF_8);
    new RemoteStore(RemoteEndpoint.of(url).withCredentials(Credentials.read(auth)))
        .replaceGraphs(List.of(CONTENT));
    assertThat(authorizations)
        .containsExactly(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("writer:s3cret".getBytes(StandardCharsets.UTF_8)));
  }
}
