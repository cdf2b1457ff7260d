package org.newsgraph.store;

import org.newsgraph.model.NewsgraphException;

/**
 * The store cannot be used: it is locked by another process, missing, unreachable, or a write
 * failed (the transaction was aborted and the store is at its last commit).
 */
public class StoreException extends NewsgraphException {

  private static final long serialVersionUID = 1L;

  /** A store failure with a message for the user. */
  public StoreException(String message) {
    super(message);
  }

  /** A store failure with a message for the user and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
