package org.newsgraph.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Position;

/** The JSON reader gives the trees the YAML reader gives for the same JSON, with positions. */
class JsonReaderTest {

  private static final ReaderLimits LIMITS = ReaderLimits.DEFAULT;

  @Test
  void givesTheSameTreesAsTheYamlReaderPositionsIncluded() {
    String page =
        "{\"page\": 1, \"value\": [\n"
            + "  {\"title\": \"Caf\u00e9 \\\"AI\\\" \\u00e9t\u00e9 \ud83e\udd16 news\", \"heat\": -1, \"quality\": 1.5e3,\n"
            + "   \"published\": true, \"images\": null, \"topics\": [\"AI\", \"Robots\"],\n"
            + "   \"provider\": {\"name\": \"\ud83e\udd16 Daily\", \"domain\": \"x.example\"}, \"empty\": {}, \"none\": []}\n"
            + "]}\n";
    assertThat(JsonReader.read(page, LIMITS)).isEqualTo(new YamlReader(LIMITS).readAll(page, 0));
  }

  @Test
  void scalarsKeepTheirTextAndWhetherTheyWereQuoted() {
    YamlValue.Mapping m =
        (YamlValue.Mapping)
            JsonReader.read("{\"a\": \"1\", \"b\": 1, \"c\": null, \"d\": \"x\\/y\\tz\"}", LIMITS)
                .get(0);
    assertThat(m.get("a")).isEqualTo(new YamlValue.Scalar("1", false, new Position(1, 7)));
    assertThat(m.get("b")).isEqualTo(new YamlValue.Scalar("1", true, new Position(1, 17)));
    assertThat(((YamlValue.Scalar) m.get("c")).isNull()).isTrue();
    assertThat(((YamlValue.Scalar) m.get("d")).text()).isEqualTo("x/y\tz");
  }

  @Test
  void errorsNameTheirLineAndColumnInCodePoints() {
    assertError("{\"a\": 1,\n \"b\" 2}", 2, 6, "malformed JSON: expected ':', found '2'");
    assertError("{\"\ud83e\udd16\": tru}", 1, 7, "malformed JSON: expected a value, found 't'");
    assertError(
        "{\"a\": \"x\ny\"}",
        1,
        9,
        "malformed JSON: a control character (U+000A) in a string must be escaped");
    assertError(
        "{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key 'a' (first at line 1, again at line 1)");
    assertError(
        "{\"a\": [1, 2}", 1, 12, "malformed JSON: expected ',' or ']' in an array, found '}'");
    assertError(
        "{\"a\": 1} x",
        1,
        10,
        "malformed JSON: expected the end of the text after the value, found 'x'");
    assertError("{\"a\": \"\\q\"}", 1, 8, "malformed JSON: unknown escape '\\q' in a string");
    assertError("{\"a\": -}", 1, 8, "malformed JSON: expected a digit, found '}'");
    assertError(
        "{\"a\": \"open",
        1,
        12,
        "malformed JSON: a string is not closed: expected '\"', found the end of the text");
  }

  @Test
  void nestingIsLimited() {
    String deep = "[".repeat(LIMITS.maxDepth() + 2) + "]".repeat(LIMITS.maxDepth() + 2);
    assertThatThrownBy(() -> JsonReader.read(deep, LIMITS))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("nesting deeper than " + LIMITS.maxDepth() + " levels");
  }

  @Test
  void aBlankTextHasNoValue() {
    assertThat(JsonReader.read(" \n", LIMITS)).isEqualTo(List.of());
  }

  private static void assertError(String json, int line, int column, String message) {
    assertThatThrownBy(() -> JsonReader.read(json, LIMITS))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.position()).isEqualTo(new Position(line, column));
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
