package org.newsgraph.store;

/**
 * A remote store cannot serve what a command asks, as it is configured: the message says what is
 * missing and which setting of the engine provides it. Not transient; never retried.
 */
public final class RemoteUnsupportedException extends StoreException {

  private static final long serialVersionUID = 1L;

  RemoteUnsupportedException(String message) {
    super(message);
  }
}
