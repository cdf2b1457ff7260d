package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.vocab.IriFactory;

/**
 * The catalog as shipped: every resource listed and parsed, headers and parameter types, formats.
 */
class QueryCatalogTest {

  @TempDir static Path db;
  static CatalogFixture fixture;

  @BeforeAll
  static void ingest() {
    fixture = CatalogFixture.create(db);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void everyShippedQueryIsListedAndDescribed() throws IOException {
    QueryCatalog catalog = QueryCatalog.load();
    assertThat(catalog.all())
        .extracting(NamedQuery::name)
        .containsExactly(
            "coverage",
            "reach",
            "stories",
            "first-report",
            "provider-links",
            "syndication",
            "similar",
            "topic-coverage",
            "topic-cooccurrence",
            "provider-profile",
            "timeline",
            "story-timeline",
            "story-graph",
            "dangling",
            "duplicates",
            "top-linked",
            "search");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/org/newsgraph/queries"))) {
      List<String> shipped =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".rq"))
              .map(n -> n.substring(0, n.length() - 3))
              .toList();
      assertThat(catalog.all())
          .extracting(NamedQuery::name)
          .containsExactlyInAnyOrderElementsOf(shipped);
    }
    for (NamedQuery query : catalog.all()) {
      assertThat(query.description()).as(query.name()).isNotBlank();
      assertThat(query.query().isSelectType() || query.query().isConstructType())
          .as(query.name())
          .isTrue();
      for (QueryParam param : query.params()) {
        assertThat(
                param.type() == QueryParam.Type.LIMIT
                    || query.query().getQueryPattern().toString().contains("?" + param.name()))
            .as(query.name() + " uses ?" + param.name())
            .isTrue();
      }
    }
  }

  @Test
  void choiceParametersDeclareTheirWordsAndCheckTheirDefault() {
    NamedQuery query =
        NamedQuery.parse(
            "t.rq",
            """
        # name: t
        # description: d
        # param: unit choice(day|week) default=week Bucket size.
        SELECT * WHERE { BIND (?unit AS ?u) }
        """);
    assertThat(query.param("unit").choices()).containsExactly("day", "week");
    assertThat(query.param("unit").typeLabel()).isEqualTo("choice(day|week)");
    assertThatThrownBy(
            () ->
                NamedQuery.parse(
                    "t.rq",
                    """
        # name: t
        # description: d
        # param: unit choice(day|week) default=year Bucket size.
        SELECT * WHERE { }
        """))
        .hasMessageContaining("t.rq:3: default 'year' is not one of [day, week]");
  }

  @Test
  void aChoiceWithoutWordsIsAHeaderError() {
    assertThatThrownBy(
            () ->
                NamedQuery.parse(
                    "t.rq",
                    """
        # name: t
        # description: d
        # param: unit choice optional Bucket size.
        SELECT * WHERE { }
        """))
        .hasMessage("t.rq:3: a choice lists its words: choice(a|b|c)");
  }

  @Test
  void unknownChoiceIsRejectedWithTheAllowedWords() {
    ParamBinder binder = new ParamBinder(fixture.store(), IriFactory.of(IriFactory.DEFAULT_BASE));
    NamedQuery query = QueryCatalog.load().get("provider-links");
    assertThatThrownBy(() -> binder.bind(query, Map.of("self", "all")))
        .isInstanceOfSatisfying(
            ParamException.class,
            e -> {
              assertThat(e.param().name()).isEqualTo("self");
              assertThat(e.value()).isEqualTo("all");
              assertThat(e.expected()).isEqualTo("expected one of [exclude, include, only]");
              // Each caller writes a parameter its own way: the command line as an option.
              assertThat(e.message((name, value) -> "--param " + name + "=" + value))
                  .isEqualTo("--param self=all: expected one of [exclude, include, only]");
            })
        .hasMessage("parameter self=all: expected one of [exclude, include, only]");
  }

  @Test
  void resultsComeInEveryTableFormat() {
    QueryRunner runner = new QueryRunner(fixture.store(), QueryCatalog.load(), CatalogFixture.IRIS);
    Map<String, String> params = Map.of("self", "only");
    assertThat(run(runner, params, OutputFormat.CSV))
        .isEqualTo(
            "citing,cited,count\r\nbeta.example,beta.example,1\r\ndelta.example,delta.example,1\r\n");
    assertThat(run(runner, params, OutputFormat.TSV))
        .startsWith("?citing\t?cited\t?count\n")
        .contains("\"beta.example\"\t\"beta.example\"\t1\n");
    assertThat(JsonRows.parse(run(runner, params, OutputFormat.JSON))).hasSize(2);
    assertThat(run(runner, params, OutputFormat.XML))
        .contains("<variable name=\"citing\"/>")
        .contains("<literal>delta.example</literal>");
    assertThat(run(runner, params, OutputFormat.TEXT))
        .contains("| \"beta.example\"  | \"beta.example\"  | 1     |");
    assertThatThrownBy(() -> run(runner, params, OutputFormat.TURTLE))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("is for CONSTRUCT");
  }

  private static String run(QueryRunner runner, Map<String, String> params, OutputFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runner.runNamed("provider-links", params, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
