package org.newsgraph.source;

import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;

/**
 * A file that cannot be read as a record at all (not UTF-8, no front matter, malformed YAML, too
 * large). Carries the position so the caller can report {@code path:line:col}.
 */
public final class SourceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  /** A problem at a position of the file being read. */
  public SourceException(Position position, String message) {
    super(message);
    this.position = position;
  }

  /** Where the problem is, 1-based. */
  public Position position() {
    return position;
  }

  /** The exception as an error problem of the given file. */
  public Problem toProblem(String source) {
    return Problem.error(source, position, getMessage());
  }

  /** A key given twice in one mapping (YAML) or object (JSON), at the second key. */
  static SourceException duplicateKey(String key, Position first, Position again) {
    return new SourceException(
        again,
        "duplicate key '"
            + key
            + "' (first at line "
            + first.line()
            + ", again at line "
            + again.line()
            + ")");
  }

  /** A value nested deeper than the reader's limit allows. */
  static SourceException tooDeep(Position at, int maxDepth) {
    return new SourceException(at, "nesting deeper than " + maxDepth + " levels");
  }
}
