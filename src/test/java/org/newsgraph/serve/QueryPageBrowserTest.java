package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
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
import org.newsgraph.cli.Cli;
import org.newsgraph.query.CatalogFixture;
import org.newsgraph.serve.resource.DescribeServlet;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * The query page in a real browser: Debian's headless Chromium driven by playwright-core. The
 * script {@code src/test/browser/query-page.mjs} loads the page, runs a named query, and reads the
 * table (labels, dates) and a CSV download, then runs SPARQL typed into the editor; {@code
 * pictures.mjs} draws the picture of every named query that has one, and those of the resource
 * pages, beside the queries' own JSON answers. Both record every request the page makes. Skipped,
 * with a message saying what is missing, when Chromium, Node or {@code
 * src/test/browser/node_modules} is absent ({@code .ci/install-browser-test-deps.sh} installs
 * them).
 */
@Tag("slow")
@Tag("browser")
class QueryPageBrowserTest {

  private static final Path SCRIPT_DIR = Path.of("src", "test", "browser");
  private static final Path SCREENSHOT = Path.of("target", "browser", "query-page.png");

  /**
   * Where the pictures test saves its screenshots; {@code -Dnewsgraph.screenshots=docs/images}
   * refreshes those of docs/serve.md.
   */
  private static final Path SHOTS =
      Path.of(System.getProperty("newsgraph.screenshots", "target/browser"));

  @TempDir Path dir;

  @Test
  void namedQueryResultsAppearAsATableWithLinks() throws Exception {
    String chromium = requireBrowser();
    Files.createDirectories(SCREENSHOT.getParent());
    try (Tdb2Store store = ServeFixture.store(dir)) {
      NewsgraphServer server = NewsgraphServer.builder(store).port(0).build().start();
      try {
        JsonObject seen =
            drive(
                chromium,
                "query-page.mjs",
                server.url(),
                "coverage",
                "article",
                ServeFixture.ALPHA_URL,
                SCREENSHOT.toAbsolutePath().toString());
        assertSeen(seen);
      } finally {
        server.stop();
      }
    }
  }

  /**
   * Every picture against the answer of its named query, over the catalog fixture (three stories)
   * served with dereferenceable IRIs: on the query page, and on the resource pages of an article, a
   * story, a provider and a topic.
   */
  @Test
  void picturesHoldWhatTheirNamedQueriesAnswer() throws Exception {
    String chromium = requireBrowser();
    Files.createDirectories(SHOTS);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port + "/id/";
    Path db = dir.resolve("catalog");
    Cli.Result ingest =
        Cli.run(
            "ingest",
            "--db",
            db.toString(),
            "--base",
            base,
            CatalogFixture.FOLDER.resolve("base").toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      NewsgraphServer server =
          NewsgraphServer.builder(store)
              .port(port)
              .iris(IriFactory.of(base))
              .addServlet("/id/*", new DescribeServlet(store.dataset(), base))
              .build()
              .start();
      try {
        JsonObject seen =
            drive(
                chromium,
                "pictures.mjs",
                server.url(),
                base,
                "https://alpha.example/news/face-law",
                "AI",
                "alpha.example",
                SHOTS.toAbsolutePath().toString());
        assertPictures(seen, base);
      } finally {
        server.stop();
      }
    }
  }

  private static void assertPictures(JsonObject seen, String base) {
    assertThat(seen.get("problems").getAsArray()).as("console errors on the pages").isEmpty();
    assertThat(seen.get("outside").getAsArray()).as("requests to other hosts").isEmpty();
    assertThat(number(seen, "requests")).isPositive();
    JsonObject query = seen.get("query").getAsObject();

    JsonObject stories = query.get("stories").getAsObject();
    JsonObject expected = stories.get("expected").getAsObject();
    JsonObject picture = stories.get("seen").getAsObject();
    assertThat(number(expected, "stories")).isEqualTo(3);
    assertThat(number(stories, "choices")).isEqualTo(3);
    assertDrawn(picture, expected);
    assertThat(number(picture, "firstReports")).isEqualTo(1);
    assertThat(strings(picture.get("nodeLabels").getAsArray()))
        .contains(expected.getString("firstTitle"));
    assertThat(strings(picture.get("legend").getAsArray()))
        .containsExactly("alpha.example", "beta.example", "gamma.example");

    List<JsonObject> row =
        seen.get("query").getAsObject().get("storiesTable").getAsArray().stream()
            .map(JsonValue::getAsObject)
            .toList();
    assertThat(text(row.get(1))).isEqualTo("story: " + expected.getString("firstTitle"));
    assertThat(row.get(1).getString("href")).startsWith(base + "story/");
    assertThat(text(row.get(2))).isEqualTo("4");
    assertThat(row.get(2).getString("title")).isEqualTo("xsd:integer");
    assertThat(text(row.get(4))).isEqualTo("2021-03-01 08:00 UTC");
    assertThat(row.get(4).getString("title")).isEqualTo("xsd:dateTime");
    assertThat(text(row.get(6))).isEqualTo(expected.getString("firstTitle"));
    assertThat(row.get(6).getString("href")).startsWith(base + "article/");

    JsonObject storyGraph = query.get("story-graph").getAsObject();
    assertDrawn(storyGraph.get("seen").getAsObject(), storyGraph.get("expected").getAsObject());
    assertThat(storyGraph.get("seen").getAsObject().get("focused").getAsArray())
        .as("the article asked about, marked")
        .hasSize(1);

    JsonObject links = query.get("provider-links").getAsObject();
    JsonObject linksSeen = links.get("seen").getAsObject();
    assertDrawn(linksSeen, links.get("expected").getAsObject());
    assertThat(strings(linksSeen.get("nodeLabels").getAsArray()))
        .containsExactlyInAnyOrderElementsOf(
            strings(links.get("expected").getAsObject().get("domains").getAsArray()));
    List<Double> counts = numbers(links.get("expected").getAsObject().get("counts").getAsArray());
    List<Double> widths = numbers(linksSeen.get("edgeWidths").getAsArray());
    assertThat(widths).hasSameSizeAs(counts);
    for (int i = 0; i < counts.size(); i++) {
      for (int j = 0; j < counts.size(); j++) {
        if (counts.get(i) > counts.get(j)) {
          assertThat(widths.get(i)).as("edge width follows the count").isGreaterThan(widths.get(j));
        }
      }
    }

    for (String name : List.of("timeline", "story-timeline", "provider-profile")) {
      JsonObject chart = query.get(name).getAsObject();
      assertDrawn(chart.get("seen").getAsObject(), chart.get("expected").getAsObject());
      assertThat(strings(chart.get("seen").getAsObject().get("chartLabels").getAsArray()))
          .as(name)
          .isNotEmpty()
          .isEqualTo(strings(chart.get("expected").getAsObject().get("labels").getAsArray()));
    }

    JsonObject resource = seen.get("resource").getAsObject();
    JsonObject article = resource.get("article").getAsObject();
    JsonObject articleSeen = article.get("seen").getAsObject();
    assertThat(articleSeen.getString("title"))
        .isEqualTo(article.get("expected").getAsObject().getString("title"));
    JsonObject articleStory = part(articleSeen, 0);
    assertDrawn(articleStory, article.get("expected").getAsObject());
    assertThat(strings(articleStory.get("focused").getAsArray()))
        .containsExactly(article.getString("iri"));

    JsonObject story = resource.get("story").getAsObject();
    assertThat(story.get("seen").getAsObject().getString("title")).startsWith("Story: ");
    assertDrawn(part(story.get("seen").getAsObject(), 0), story.get("expected").getAsObject());

    JsonObject provider = resource.get("provider").getAsObject();
    JsonObject providerExpected = provider.get("expected").getAsObject();
    JsonObject neighbourhood = part(provider.get("seen").getAsObject(), 0);
    assertThat(number(neighbourhood, "nodes")).isEqualTo(number(providerExpected, "nodes"));
    assertThat(number(neighbourhood, "edges")).isEqualTo(number(providerExpected, "edges"));
    assertThat(strings(neighbourhood.get("focused").getAsArray())).containsExactly("alpha.example");
    assertThat(number(part(provider.get("seen").getAsObject(), 1), "points"))
        .isEqualTo(number(providerExpected, "points"));

    JsonObject topic = resource.get("topic").getAsObject();
    assertDrawn(part(topic.get("seen").getAsObject(), 0), topic.get("expected").getAsObject());
  }

  /** A picture drawn with the expected nodes, edges and points, each where expected names it. */
  private static void assertDrawn(JsonObject picture, JsonObject expected) {
    assertThat(picture.getString("drawn")).isEqualTo("true");
    for (String count : List.of("nodes", "edges", "points")) {
      if (expected.hasKey(count)) {
        assertThat(number(picture, count))
            .as(count)
            .isEqualTo(number(expected, count))
            .isPositive();
      }
    }
    if (expected.hasKey("nodes")) {
      assertThat(number(picture, "cyNodes")).isEqualTo(number(expected, "nodes"));
    }
  }

  private static JsonObject part(JsonObject page, int i) {
    return page.get("parts").getAsArray().get(i).getAsObject();
  }

  private static int number(JsonObject object, String key) {
    return object.get(key).getAsNumber().value().intValue();
  }

  private static List<Double> numbers(JsonArray array) {
    return array.stream().map(v -> v.getAsNumber().value().doubleValue()).toList();
  }

  private static String requireBrowser() {
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
    return chromium;
  }

  private static void assertSeen(JsonObject seen) {
    assertThat(seen.get("problems").getAsArray()).as("console errors on the page").isEmpty();
    assertThat(seen.get("outside").getAsArray()).as("requests to other hosts").isEmpty();
    assertThat(seen.get("outside").getAsArray()).as("requests to other hosts").isEmpty();
    assertThat(seen.get("highlighted").getAsNumber().value().intValue())
        .as("keywords highlighted by the editor")
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
    // An article shows as its headline, linked to its IRI (the IRI on hover); a date shows without
    // its datatype, which is on hover instead.
    assertThat(rows)
        .allSatisfy(
            row -> {
              String href = row.get(2).get("href").getAsString().value();
              assertThat(href).startsWith("https://w3id.org/newsgraph/id/article/");
              assertThat(row.get(2).getString("title")).isEqualTo(href);
              assertThat(text(row.get(2))).isEqualTo(text(row.get(3)));
              assertThat(text(row.get(5))).doesNotContain("^^").matches("\\d{4}-\\d\\d-\\d\\d .*");
              assertThat(row.get(5).getString("title")).isEqualTo("xsd:dateTime");
            });
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
    assertThat(seen.getString("kept"))
        .as("the editor's text after a reload")
        .contains("news:Article");
  }

  /** Runs a browser script with arguments; its last line of output, as JSON. */
  private static JsonObject drive(String chromium, String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile());
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
