package org.newsgraph.model;

/**
 * What the user asked for cannot be done as asked: an unknown name, a malformed value, options that
 * do not go together, an unreadable file the user named. Nothing was changed. Exit code 2.
 */
public class UsageException extends NewsgraphException {

  private static final long serialVersionUID = 1L;

  /** A usage error with a message for the user. */
  public UsageException(String message) {
    super(message);
  }

  /** A usage error with a message for the user and its cause. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
