package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.serve.NewsgraphServer;
import org.newsgraph.serve.ServeSettings;

/**
 * A named query gives the same rows over HTTP ({@code GET /q/NAME?param=value}) as on the command
 * line, for every kind of parameter: both go through {@link ParamBinder#prepare}. A real server on
 * an ephemeral loopback port, a real HTTP client.
 */
@Tag("slow")
class NamedQueriesOverHttpTest {

  @TempDir static Path db;
  private static CatalogFixture fixture;
  private static NewsgraphServer server;

  @BeforeAll
  static void start() {
    fixture = CatalogFixture.create(db);
    server =
        NewsgraphServer.builder(fixture.store())
            .port(0)
            .settings(new ServeSettings(Duration.ofSeconds(20), 10_000))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    fixture.close();
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of("limit", "top-linked", Map.of("limit", "2")),
        Arguments.of("limit (default)", "top-linked", Map.of()),
        Arguments.of("limit", "stories", Map.of("limit", "1")),
        Arguments.of("article", "coverage", Map.of("article", CatalogQueriesTest.A1)),
        Arguments.of(
            "article, integer", "reach", Map.of("article", CatalogQueriesTest.X1, "hops", "1")),
        Arguments.of("topic", "stories", Map.of("topic", "Robotics")),
        Arguments.of("date", "stories", Map.of("from", "2021-03-04")),
        Arguments.of("choice", "provider-links", Map.of("self", "only")),
        Arguments.of("topic, choice", "timeline", Map.of("topic", "ai", "granularity", "month")),
        Arguments.of("provider", "provider-profile", Map.of("provider", "alpha.example")),
        Arguments.of("integer", "topic-cooccurrence", Map.of("min", "1")),
        Arguments.of("limit, choice", "top-linked", Map.of("limit", "1", "links", "given")),
        Arguments.of("limit", "duplicates", Map.of("limit", "1")),
        Arguments.of("string", "search", Map.of("words", "face recognition")),
        Arguments.of(
            "string, date",
            "search",
            Map.of("words", "face", "from", "2021-03-02", "to", "2021-03-02")));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("calls")
  void httpAndTheCommandLineGiveTheSameRows(String kind, String name, Map<String, String> params)
      throws Exception {
    List<Map<String, String>> cli = fixture.rows(name, params);
    assertThat(QueryOverHttp.rows(server, name, params)).as(kind).isEqualTo(cli);
    if (params.containsKey("limit")) {
      assertThat(cli).hasSize(Integer.parseInt(params.get("limit")));
    }
  }
}
