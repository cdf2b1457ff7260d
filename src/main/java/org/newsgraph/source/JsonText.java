package org.newsgraph.source;

/**
 * Prepares JSON text for the YAML reader, which composes JSON as YAML flow collections with
 * positions. Two JSON features that YAML 1.1 lacks are rewritten: a tab between tokens becomes a
 * space (same length, so positions hold), and the escape {@code \/} inside a string becomes {@code
 * /} (columns after it on that line shift left by one). Stateless.
 */
final class JsonText {

  private JsonText() {}

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

  /** The JSON text rewritten for the YAML reader. */
  static String toYaml(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\' && i + 1 < json.length()) {
          char next = json.charAt(i + 1);
          if (next == '/') {
            out.append('/');
          } else {
            out.append(c).append(next);
          }
          i++;
          continue;
        }
        if (c == '"') {
          inString = false;
        }
        out.append(c);
      } else {
        if (c == '"') {
          inString = true;
        }
        out.append(c == '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
