package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;

/** {@code newsgraph serve} on the command line: option checks, and a clean stop on SIGTERM. */
@Tag("slow")
class ServeCommandTest {

  private static final Pattern PORT = Pattern.compile("port (\\d+)");

  @TempDir Path dir;

  @Test
  void aRemoteStoreIsRefusedNotSilentlyReplacedByTheLocalOne() {
    Path cwd = Path.of("newsgraph-db");
    boolean existed = Files.exists(cwd);
    Cli.Result run = Cli.run("serve", "--endpoint", "http://127.0.0.1:9/ds", "--port", "0");
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> l.contains("--db store only")).toList())
        .singleElement()
        .asString()
        .contains("serve serves a --db store only")
        .contains("--endpoint");
    assertThat(Files.exists(cwd)).as("no TDB2 store opened instead").isEqualTo(existed);
  }

  @Test
  void writableNeedsAPasswordFileAndViceVersa() throws Exception {
    assertThat(run("serve", "--db", dir.resolve("db").toString(), "--writable"))
        .startsWith("2|")
        .contains("--writable needs --password-file FILE");
    assertThat(run("serve", "--db", dir.resolve("db").toString(), "--password-file", "x"))
        .startsWith("2|")
        .contains("--password-file applies only with --writable");
    Path bad = Files.writeString(dir.resolve("passwd"), "nocolon\n");
    assertThat(
            run(
                "serve",
                "--db",
                dir.resolve("db").toString(),
                "--writable",
                "--password-file",
                bad.toString()))
        .startsWith("2|")
        .contains(bad + ":1:1: error: expected 'user:password'");
    assertThat(run("serve", "--db", dir.resolve("db").toString(), "--timeout", "0"))
        .startsWith("2|")
        .contains("--timeout must be at least 1 second");
  }

  @Test
  void aPortInUseIsAUsageErrorNamingThePort() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());
      assertThat(run("serve", "--db", dir.resolve("db").toString(), "--port", port))
          .startsWith("2|")
          .contains("cannot listen on 127.0.0.1:" + port);
    }
    try (Tdb2Store reopened = Tdb2Store.open(dir.resolve("db"))) {
      assertThat(reopened.describe()).contains("db");
    }
  }

  @Test
  void aBaseThatPointsAtTheServerMakesArticleIrisDereferenceable() throws Exception {
    Path db = dir.resolve("db");
    String base = "http://newsgraph.test/id/";
    assertThat(
            Cli.run(
                    "ingest",
                    "--db",
                    db.toString(),
                    "--base",
                    base,
                    "seeds/000_1ca178d75c94ebc8.md")
                .exit())
        .isZero();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("serve.err");
    Process serve =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsgraph.cli.Main",
                "serve",
                "--db",
                db.toString(),
                "--port",
                "0",
                "--base",
                base)
            .redirectError(log.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      int port = awaitPort(log, serve);
      String article =
          org.newsgraph.vocab.IriFactory.of(base)
              .article("https://www.globaltimes.cn/page/202103/1217051.shtml")
              .getURI();
      URI local =
          URI.create("http://127.0.0.1:" + port + "/id/" + article.substring(base.length()));
      for (String accept : List.of("text/turtle", "application/ld+json", "text/html")) {
        HttpResponse<String> got =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(local).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).as(accept).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith(accept);
        assertThat(got.body())
            .as(accept)
            .contains(
                "Law on collection of facial recognition data to be proposed at two sessions");
      }
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
      serve.destroyForcibly();
    }
  }

  @Test
  void sigtermStopsTheServerAndReleasesTheStore() throws Exception {
    Path db = dir.resolve("db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("serve.err");
    Process serve =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsgraph.cli.Main",
                "serve",
                "--db",
                db.toString(),
                "--port",
                "0")
            .redirectError(log.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> err;
    try {
      int port = awaitPort(log, serve);
      HttpResponse<String> ping =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ping.statusCode()).isEqualTo(200);
      serve.destroy();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      err = Files.readAllLines(log, StandardCharsets.UTF_8);
    } finally {
      serve.destroyForcibly();
    }
    assertThat(err)
        .as("stderr")
        .contains("newsgraph: stopping", "newsgraph: stopped; store closed");
    assertThat(serve.exitValue()).isEqualTo(143);
    try (Tdb2Store reopened = Tdb2Store.open(db)) {
      assertThat(reopened.describe()).contains(db.toString());
    }
  }

  /** Waits (up to a minute) for the line naming the port on the server's stderr. */
  private static int awaitPort(Path log, Process serve) throws Exception {
    for (int i = 0; i < 600; i++) {
      Matcher m =
          PORT.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!serve.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "serve printed no port; stderr: " + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Runs the CLI in-process; returns "code|stderr". */
  private static String run(String... args) {
    Cli.Result run = Cli.run(args);
    return run.exit() + "|" + run.err();
  }
}
