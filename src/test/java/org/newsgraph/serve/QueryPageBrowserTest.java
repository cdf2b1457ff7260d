package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;

/**
 * The query page in a real browser: Debian's headless Chromium driven by playwright-core (the
 * script {@code src/test/browser/query-page.mjs}) loads the page, runs a named query, and reads the
 * table and a CSV download, then runs SPARQL typed into the editor. Skipped, with a message saying
 * what is missing, when Chromium, Node or {@code src/test/browser/node_modules} is absent ({@code
 * .ci/install-browser-test-deps.sh} installs them).
 */
@Tag("slow")
@Tag("browser")
class QueryPageBrowserTest {

  private static final Path SCRIPT_DIR = Path.of("src", "test", "browser");
  private static final Path SCREENSHOT = Path.of("target", "browser", "query-page.png");

  @TempDir Path dir;

  @Test
  void namedQueryResultsAppearAsATableWithLinks() throws Exception {
    String chromium = System.getenv().getOrDefault("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium");
    requireTool(
        Files.isExecutable(Path.of(chromium)),
        "no Chromium at " + chromium + " (apt-get install chromium, or set NEWSGRAPH_CHROMIUM)");
    requireTool(onPath("node"), "no 'node' on the PATH");
    requireTool(
        Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
        "no "
            + SCRIPT_DIR
            + "/node_modules/playwright-core (run .ci/install-browser-test-deps.sh)");

    Files.createDirectories(SCREENSHOT.getParent());
    try (Tdb2Store store = ServeFixture.store(dir)) {
      NewsgraphServer server = NewsgraphServer.builder(store).port(0).build().start();
      try {
        JsonObject seen = drive(server.url(), chromium);
        assertSeen(seen);
      } finally {
        server.stop();
      }
    }
  }

  private static void assertSeen(JsonObject seen) {
    assertThat(seen.get("problems").getAsArray()).as("console errors on the page").isEmpty();
    assertThat(seen.get("outside").getAsArray()).as("requests to other hosts").isEmpty();
    assertThat(seen.get("highlighted").getAsNumber().value().intValue())
        .as("highlighted keywords")
        .isPositive();
    assertThat(strings(seen.get("headers").getAsArray()))
        .containsExactly("#", "direction", "related", "title", "provider", "published");
    List<List<JsonObject>> rows = new ArrayList<>();
    seen.get("rows")
        .getAsArray()
        .forEach(r -> rows.add(r.getAsArray().stream().map(JsonValue::getAsObject).toList()));
    assertThat(rows).hasSize(3);
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(text(row.get(1))).isEqualTo("cites");
              assertThat(text(row.get(3))).isEqualTo("Radar counters: what the council approved");
              assertThat(text(row.get(4))).isEqualTo("Council Watch");
            });
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(text(row.get(1))).isEqualTo("cited-by");
              assertThat(text(row.get(3)))
                  .isEqualTo("Privacy groups welcome the end of junction cameras");
            });
    assertThat(rows)
        .allSatisfy(
            row ->
                assertThat(row.get(2).get("href").getAsString().value())
                    .startsWith("https://w3id.org/newsgraph/id/article/")
                    .isEqualTo(text(row.get(2))));
    assertThat(seen.get("status").getAsString().value()).startsWith("3 rows");
    JsonObject download = seen.get("downloaded").getAsObject();
    assertThat(download.getString("name")).isEqualTo("coverage.csv");
    assertThat(download.getString("text").lines().toList())
        .hasSize(4)
        .first()
        .isEqualTo("direction,related,title,provider,published");
    JsonObject adhoc = seen.get("adhoc").getAsObject();
    assertThat(strings(adhoc.get("headers").getAsArray())).containsExactly("#", "article");
    assertThat(adhoc.get("links").getAsNumber().value().intValue()).isEqualTo(3);
    assertThat(adhoc.getString("status")).startsWith("3 rows");
  }

  private static JsonObject drive(String url, String chromium)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "query-page.mjs",
                url,
                "coverage",
                "article",
                ServeFixture.ALPHA_URL,
                SCREENSHOT.toAbsolutePath().toString())
            .directory(SCRIPT_DIR.toFile());
    builder.environment().put("NEWSGRAPH_CHROMIUM", chromium);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process node = builder.start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the browser script did not finish within 120 s");
    }
    assertThat(node.exitValue()).as("browser script exit code; its stdout: %s", out).isZero();
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    return JSON.parse(last);
  }

  private static void requireTool(boolean present, String missing) {
    if (!present) {
      System.err.println("QueryPageBrowserTest SKIPPED: " + missing);
    }
    assumeTrue(present, missing);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonObject cell) {
    return cell.getString("text");
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(v -> v.getAsString().value()).toList();
  }
}
