package org.newsgraph.model;

/**
 * A failure newsgraph expects and can explain: its message is written for the user, and the command
 * line maps each kind to its exit code ({@link UsageException}: 2; the store's {@code
 * StoreException}: 3). Any other exception reaching the command line is a defect in newsgraph and
 * is reported with its stack trace (exit 70).
 */
public abstract class NewsgraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message for the user. */
  protected NewsgraphException(String message) {
    super(message);
  }

  /** A failure with a message for the user and its cause. */
  protected NewsgraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
