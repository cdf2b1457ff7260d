package org.newsgraph.map;

import org.newsgraph.model.Position;

/** A value that cannot become RDF (an IRI that is not valid once minted), with its position. */
public final class MappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  /** A mapping failure at a position of the source file. */
  public MappingException(Position position, String message) {
    super(message);
    this.position = position;
  }

  /** Where the offending value is, 1-based. */
  public Position position() {
    return position;
  }
}
