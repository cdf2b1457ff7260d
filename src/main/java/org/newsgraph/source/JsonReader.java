package org.newsgraph.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.model.Position;

/**
 * Reads JSON (RFC 8259) into the same value trees as {@link YamlReader}, with positions: strings
 * become quoted scalars, numbers, {@code true}, {@code false} and {@code null} plain scalars
 * holding their text, so binders type JSON and YAML values alike. A dedicated reader, because JSON
 * API pages are a large part of real sites and composing them as YAML flow collections costs
 * several times more. Duplicate keys and nesting deeper than the limit are refused as in YAML; any
 * syntax error is a {@link SourceException} at its line and column (1-based, columns in code
 * points). One instance per text; not thread-safe.
 */
final class JsonReader {

  private final String text;
  private final int maxDepth;
  private int at;
  private int line = 1;
  private int column = 1;

  private JsonReader(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /** True when the text, after leading white space, starts a JSON object. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  /**
   * Reads a JSON text holding one value.
   *
   * @return the value, or none when the text is blank
   * @throws SourceException at the position of the first error
   */
  static List<YamlValue> read(String text, ReaderLimits limits) {
    JsonReader reader = new JsonReader(text, limits.maxDepth());
    reader.skipSpace();
    if (reader.at == text.length()) {
      return List.of();
    }
    YamlValue value = reader.value(0);
    reader.skipSpace();
    if (reader.at < text.length()) {
      throw reader.error("expected the end of the text after the value, found " + reader.found());
    }
    return List.of(value);
  }

  private YamlValue value(int depth) {
    if (depth > maxDepth) {
      throw SourceException.tooDeep(here(), maxDepth);
    }
    if (at == text.length()) {
      throw error("expected a value, found the end of the text");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> {
        Position start = here();
        yield new YamlValue.Scalar(string(), false, start);
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("expected a value, found " + found());
      }
    };
  }

  private YamlValue object(int depth) {
    Position start = here();
    advance(); // {
    Map<String, YamlValue> entries = new LinkedHashMap<>();
    Map<String, Position> keys = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      advance();
      return new YamlValue.Mapping(entries, keys, start);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a key in double quotes, found " + found());
      }
      Position keyAt = here();
      String key = string();
      Position earlier = keys.get(key);
      if (earlier != null) {
        throw SourceException.duplicateKey(key, earlier, keyAt);
      }
      skipSpace();
      expect(':');
      skipSpace();
      keys.put(key, keyAt);
      entries.put(key, value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        advance();
      } else if (peek() == '}') {
        advance();
        return new YamlValue.Mapping(entries, keys, start);
      } else {
        throw error("expected ',' or '}' in an object, found " + found());
      }
    }
  }

  private YamlValue array(int depth) {
    Position start = here();
    advance(); // [
    List<YamlValue> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      advance();
      return new YamlValue.Sequence(items, start);
    }
    while (true) {
      skipSpace();
      items.add(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        advance();
      } else if (peek() == ']') {
        advance();
        return new YamlValue.Sequence(items, start);
      } else {
        throw error("expected ',' or ']' in an array, found " + found());
      }
    }
  }

  private String string() {
    advance(); // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at == text.length()) {
        throw error("a string is not closed: expected '\"', found the end of the text");
      }
      char c = text.charAt(at);
      if (c == '"') {
        advance();
        return out.toString();
      }
      if (c < 0x20) {
        throw error(
            "a control character (U+"
                + String.format("%04X", (int) c)
                + ") in a string must be escaped");
      }
      if (c != '\\') {
        out.append(c);
        advance();
        continue;
      }
      Position escape = here();
      advance();
      char e = peek();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 5 > text.length()) {
            throw new SourceException(
                escape, "malformed JSON: an escape \\u needs four hexadecimal digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16));
          } catch (NumberFormatException ex) {
            throw new SourceException(
                escape,
                "malformed JSON: an escape \\u needs four hexadecimal digits, found '"
                    + text.substring(at + 1, at + 5)
                    + "'");
          }
          for (int k = 0; k < 4; k++) {
            advance();
          }
        }
        default ->
            throw new SourceException(
                escape,
                "malformed JSON: unknown escape '\\"
                    + (at < text.length() ? e : "")
                    + "' in a string");
      }
      advance();
    }
  }

  private YamlValue number() {
    Position start = here();
    int from = at;
    if (peek() == '-') {
      advance();
    }
    if (peek() == '0') {
      advance();
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit, found " + found());
    }
    if (peek() == '.') {
      advance();
      if (!isDigit(peek())) {
        throw error("expected a digit after '.', found " + found());
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-') {
        advance();
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent, found " + found());
      }
      digits();
    }
    return new YamlValue.Scalar(text.substring(from, at), true, start);
  }

  private YamlValue literal(String word) {
    Position start = here();
    if (!text.startsWith(word, at)) {
      throw error("expected a value, found " + found());
    }
    for (int k = 0; k < word.length(); k++) {
      advance();
    }
    return new YamlValue.Scalar(word, true, start);
  }

  private void digits() {
    while (isDigit(peek())) {
      advance();
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + found());
    }
    advance();
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else {
        return;
      }
    }
  }

  /** The current character, or NUL at the end of the text. */
  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  /** Moves past one character, keeping the line and the column (in code points) up to date. */
  private void advance() {
    char c = text.charAt(at++);
    if (c == '\n') {
      line++;
      column = 1;
    } else if (c == '\r') {
      if (at < text.length() && text.charAt(at) == '\n') {
        return; // one line break: counted at the \n
      }
      line++;
      column = 1;
    } else if (!Character.isLowSurrogate(c)) {
      column++;
    }
  }

  private Position here() {
    return new Position(line, column);
  }

  private String found() {
    if (at >= text.length()) {
      return "the end of the text";
    }
    int cp = text.codePointAt(at);
    return cp < 0x20 ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
  }

  private SourceException error(String message) {
    return new SourceException(here(), "malformed JSON: " + message);
  }
}
