package org.newsgraph.query;

import org.newsgraph.model.UsageException;

/** A query the user asked for cannot run: unknown name, bad parameter, SPARQL syntax error. */
public class QueryException extends UsageException {

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
