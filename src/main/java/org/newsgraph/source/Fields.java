package org.newsgraph.source;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.model.UrlLib;

/**
 * Typed access to the fields of one YAML mapping, collecting a positioned problem for every value
 * of the wrong type instead of coercing it. Remembers which keys were read so that the rest can be
 * reported as unknown. Not thread-safe; one per mapping.
 */
final class Fields {

  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "-?\\d{4,}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

  private final YamlValue.Mapping mapping;
  private final String what;
  private final String source;
  private final List<Problem> problems;
  private final Set<String> used = new LinkedHashSet<>();

  /**
   * @param mapping the mapping to read
   * @param what what the mapping is, for messages ("article", "provider", ...)
   * @param source the file, for problems
   * @param problems where problems go
   */
  Fields(YamlValue.Mapping mapping, String what, String source, List<Problem> problems) {
    this.mapping = mapping;
    this.what = what;
    this.source = source;
    this.problems = problems;
  }

  Position position() {
    return mapping.position();
  }

  /** The raw value, or null when the key is absent or explicitly null. */
  YamlValue value(String key) {
    used.add(key);
    YamlValue value = mapping.get(key);
    if (value instanceof YamlValue.Scalar scalar && scalar.isNull()) {
      return null;
    }
    return value;
  }

  String string(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlValue.Scalar scalar) {
      return scalar.text();
    }
    wrongType(key, value, "a string");
    return null;
  }

  /** A string with its HTML character references decoded once (for headline-like text). */
  String text(String key) {
    String value = string(key);
    return value == null ? null : HtmlText.decode(value);
  }

  /** A string that must not be blank once stripped. */
  String name(String key) {
    String value = string(key);
    if (value != null && value.isBlank()) {
      error(mapping.get(key).position(), "'" + key + "' of " + what + " must not be blank");
      return null;
    }
    return value == null ? null : value.strip();
  }

  Long integer(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlValue.Scalar scalar
        && scalar.plain()
        && INTEGER.matcher(scalar.text()).matches()) {
      try {
        return Long.parseLong(scalar.text());
      } catch (NumberFormatException e) {
        error(value.position(), "'" + key + "' is out of range: " + scalar.text());
        return null;
      }
    }
    wrongType(key, value, "an integer");
    return null;
  }

  Boolean bool(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlValue.Scalar scalar && scalar.plain()) {
      String text = scalar.text().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    }
    wrongType(key, value, "true or false");
    return null;
  }

  /** An xsd:dateTime, kept as written. */
  String dateTime(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlValue.Scalar scalar) {
      // YAML allows a space between date and time; xsd:dateTime needs the 'T' (same instant).
      String text = scalar.text().strip().replaceFirst("^(-?\\d{4,}-\\d{2}-\\d{2}) ", "$1T");
      if (DATE_TIME.matcher(text).matches() && parses(text)) {
        return text;
      }
    }
    wrongType(key, value, "a date-time like 2021-03-02T10:36:00Z");
    return null;
  }

  /** An absolute http(s) URL, kept as written after {@link UrlLib#clean(String)}. */
  String url(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof YamlValue.Scalar scalar)) {
      wrongType(key, value, "a URL");
      return null;
    }
    try {
      return UrlLib.clean(scalar.text());
    } catch (IllegalArgumentException e) {
      error(value.position(), "'" + key + "' is not a valid URL: " + e.getMessage());
      return null;
    }
  }

  YamlValue.Mapping mapping(String key) {
    YamlValue value = value(key);
    if (value == null || value instanceof YamlValue.Mapping) {
      return (YamlValue.Mapping) value;
    }
    wrongType(key, value, "a mapping");
    return null;
  }

  /** A list; a single scalar is not silently promoted to a list. */
  List<YamlValue> list(String key) {
    YamlValue value = value(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof YamlValue.Sequence sequence) {
      return sequence.items();
    }
    wrongType(key, value, "a list");
    return List.of();
  }

  /** A list of strings. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (YamlValue item : list(key)) {
      if (item instanceof YamlValue.Scalar scalar && !scalar.isNull()) {
        out.add(scalar.text());
      } else if (!(item instanceof YamlValue.Scalar)) {
        error(item.position(), "items of '" + key + "' must be strings, found " + item.kindName());
      }
    }
    return out;
  }

  /** Reports one error listing every required key that is missing or null. */
  boolean require(String... keys) {
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      YamlValue value = mapping.get(key);
      if (value == null || (value instanceof YamlValue.Scalar scalar && scalar.isNull())) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      error(
          mapping.position(),
          what
              + " is missing required field"
              + (missing.size() > 1 ? "s" : "")
              + ": "
              + String.join(", ", missing));
      return false;
    }
    return true;
  }

  /** Reports every key that was never read as an unknown-key warning. */
  void reportUnknown() {
    for (String key : unread()) {
      problems.add(Problem.unknownKey(source, keyPosition(key), what, key));
    }
  }

  /** Keys present in the mapping that were never read, with their positions. */
  List<String> unread() {
    List<String> out = new ArrayList<>();
    for (String key : mapping.entries().keySet()) {
      if (!used.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  Position keyPosition(String key) {
    return mapping.keyPositions().get(key);
  }

  void error(Position at, String message) {
    problems.add(Problem.error(source, at, message));
  }

  private void wrongType(String key, YamlValue value, String expected) {
    String found =
        value instanceof YamlValue.Scalar scalar
            ? "'" + abbreviate(scalar.text()) + "'"
            : value.kindName();
    error(
        value.position(), "'" + key + "' of " + what + " must be " + expected + ", found " + found);
  }

  private static boolean parses(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
