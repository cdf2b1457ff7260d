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
}
