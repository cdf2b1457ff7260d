package org.newsgraph.source;

import org.newsgraph.model.Position;

/**
 * The YAML front matter of a Markdown record: the text between an opening {@code ---} line (the
 * first line of the file) and the next line that is {@code ---} or {@code ...}.
 *
 * @param yaml the YAML text, starting with the opening {@code ---} line so that its line numbers
 *     are those of the file
 * @param body the Markdown after the closing delimiter (may be empty)
 * @param bodyLine the 1-based line where the body starts
 */
public record FrontMatter(String yaml, String body, int bodyLine) {

  /**
   * Splits a Markdown record.
   *
   * @param text the whole file
   * @return the front matter and body
   * @throws SourceException at line 1 when the file does not start with {@code ---}, or at the
   *     opening line when no closing delimiter follows
   */
  public static FrontMatter split(String text) {
    int firstEnd = lineEnd(text, 0);
    if (!isDelimiter(text.substring(0, firstEnd), "---")) {
      throw new SourceException(
          Position.START, "no front matter: the file must start with a '---' line");
    }
    int lineStart = nextLine(text, firstEnd);
    int line = 2;
    while (lineStart < text.length()) {
      int end = lineEnd(text, lineStart);
      String current = text.substring(lineStart, end);
      if (isDelimiter(current, "---") || isDelimiter(current, "...")) {
        return new FrontMatter(
            text.substring(0, lineStart), text.substring(nextLine(text, end)), line + 1);
      }
      lineStart = nextLine(text, end);
      line++;
    }
    throw new SourceException(
        Position.START, "front matter is not closed: no '---' line after the opening one");
  }

  private static boolean isDelimiter(String line, String delimiter) {
    return line.stripTrailing().equals(delimiter);
  }

  private static int lineEnd(String text, int from) {
    int newline = text.indexOf('\n', from);
    int end = newline < 0 ? text.length() : newline;
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int nextLine(String text, int lineEnd) {
    int newline = text.indexOf('\n', lineEnd);
    return newline < 0 ? text.length() : newline + 1;
  }
}
