package org.newsgraph.generate;

/** Builds the YAML text of a generated record, line by line. Not thread-safe. */
final class GenYaml {

  private final StringBuilder text = new StringBuilder(4096);

  void line(String line) {
    text.append(line).append('\n');
  }

  /** A double-quoted string field. */
  void field(String key, String value) {
    line(key + ": " + quote(value));
  }

  /** A plain scalar field (numbers, booleans, dates, simple words). */
  void plain(String key, String value) {
    line(key + ": " + value);
  }

  /** A list item, double-quoted. */
  void item(String indent, String value) {
    line(indent + "- " + quote(value));
  }

  /** A YAML double-quoted scalar. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
