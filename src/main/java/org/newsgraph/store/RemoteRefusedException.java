package org.newsgraph.store;

/** A remote store answered a request with an HTTP error status, after any retries. */
public final class RemoteRefusedException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final int status;

  RemoteRefusedException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the last answer. */
  public int status() {
    return status;
  }

  /** True when the endpoint refused the credentials (401) or the user (403). */
  public boolean authorizationRefused() {
    return status == 401 || status == 403;
  }
}
