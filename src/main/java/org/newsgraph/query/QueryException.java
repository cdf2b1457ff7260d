package org.newsgraph.query;

/** A query the user asked for cannot run: unknown name, bad parameter, SPARQL syntax error. */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A message for the user. */
  public QueryException(String message) {
    super(message);
  }

  /** A message for the user and its cause. */
  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
