package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsgraph.serve.ServeFixture.query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Credentials;
import org.newsgraph.store.Tdb2Store;

/** A {@code --writable} server: writes need the password file's user; reads stay open. */
@Tag("slow")
class ServerWritableTest {

  private static final String TRIPLE = "<https://x.example/s> <https://x.example/p> \"written\" .";
  private static final String ASK =
      "ASK { <https://x.example/s> <https://x.example/p> \"written\" }";
  private static final String ASK_GSP = "ASK { GRAPH <https://x.example/g> { ?s ?p \"put\" } }";

  @TempDir Path dir;

  @Test
  void writesNeedTheUserAndThenReachTheStore() throws Exception {
    Path passwords = dir.resolve("passwd");
    Files.writeString(passwords, "ingester:s3cret:with-colon\n");
    Credentials user = Credentials.read(passwords);
    assertThat(user.password()).isEqualTo("s3cret:with-colon");
    try (Tdb2Store store = Tdb2Store.open(dir.resolve("db"))) {
      NewsgraphServer server =
          NewsgraphServer.builder(store).port(0).writable(user).build().start();
      try {
        String update = server.url() + "newsgraph/update";
        String insert = "INSERT DATA { GRAPH <https://x.example/g0> { " + TRIPLE + " } }";
        assertThat(send(update, "application/sparql-update", insert, null).statusCode())
            .isEqualTo(401);
        assertThat(send(update, "application/sparql-update", insert, "ingester:wrong").statusCode())
            .isEqualTo(401);
        assertThat(query(server, ASK, "text/csv").body()).contains("false");
        assertThat(
                send(update, "application/sparql-update", insert, "ingester:s3cret:with-colon")
                    .statusCode())
            .isBetween(200, 204);
        assertThat(query(server, ASK, "text/csv").body()).contains("true");

        String data =
            server.url() + "newsgraph/data?graph=" + ServeFixture.encode("https://x.example/g");
        String put = "<https://x.example/s> <https://x.example/p> \"put\" .";
        assertThat(sendPut(data, put, null).statusCode()).isEqualTo(401);
        assertThat(sendPut(data, put, "ingester:s3cret:with-colon").statusCode())
            .isBetween(200, 204);
        assertThat(query(server, ASK_GSP, "text/csv").body()).contains("true");
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void updatesCannotReachOutThroughService() throws Exception {
    Credentials user = new Credentials("ingester", "pw");
    try (Tdb2Store store = Tdb2Store.open(dir.resolve("db"));
        java.net.ServerSocket target =
            new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      NewsgraphServer server =
          NewsgraphServer.builder(store).port(0).writable(user).build().start();
      try {
        String update =
            "INSERT { GRAPH <https://x.example/g> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:"
                + target.getLocalPort()
                + "/sparql> { ?s ?p ?o } }";
        HttpResponse<String> response =
            send(
                server.url() + "newsgraph/update",
                "application/sparql-update",
                update,
                "ingester:pw");
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 599);
        target.setSoTimeout(1000);
        assertThatThrownBy(() -> target.accept().close())
            .isInstanceOf(java.net.SocketTimeoutException.class);
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void passwordFileMustBeOneUserPasswordLine() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path noColon = Files.writeString(dir.resolve("nocolon"), "justauser\n");
    Path two = Files.writeString(dir.resolve("two"), "a:b\nc:d\n");
    assertThatThrownBy(() -> Credentials.read(empty))
        .hasMessage(empty + ":1:1: error: expected exactly one line" + " 'user:password', found 0");
    assertThatThrownBy(() -> Credentials.read(noColon))
        .hasMessage(noColon + ":1:1: error: expected 'user:password'");
    assertThatThrownBy(() -> Credentials.read(two)).hasMessageContaining("found 2");
    assertThatThrownBy(() -> Credentials.read(dir.resolve("absent")))
        .hasMessageStartingWith(dir.resolve("absent") + ":1:1: error: cannot read password file");
    assertThat(Credentials.read(Files.writeString(dir.resolve("ok"), "u:p")).toString())
        .doesNotContain("p]")
        .contains("***");
  }

  private static HttpResponse<String> send(String url, String type, String body, String basic)
      throws Exception {
    // A bounded wait: a server that connected somewhere it should not would otherwise hang the
    // test.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(java.time.Duration.ofSeconds(20))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return ServeFixture.HTTP.send(
        auth(request, basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> sendPut(String url, String turtle, String basic)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(java.time.Duration.ofSeconds(20))
            .header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString(turtle));
    return ServeFixture.HTTP.send(
        auth(request, basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder auth(HttpRequest.Builder request, String basic) {
    if (basic != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
