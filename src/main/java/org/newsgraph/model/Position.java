package org.newsgraph.model;

/**
 * A place in a source file: 1-based line and 1-based column, counted in Unicode code points from
 * the start of the file (not from the start of the front matter).
 *
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record Position(int line, int column) {

  /** The start of a file, used for problems that concern the whole file. */
  public static final Position START = new Position(1, 1);

  /** Validates that both coordinates are 1-based. */
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
