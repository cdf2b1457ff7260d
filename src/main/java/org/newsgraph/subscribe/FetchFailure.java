package org.newsgraph.subscribe;

/** A feed that could not be fetched this time; the message says why, in the user's terms. */
final class FetchFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean stopped;

  FetchFailure(String message) {
    this(message, false);
  }

  private FetchFailure(String message, boolean stopped) {
    super(message);
    this.stopped = stopped;
  }

  /** The fetch was given up because a stop was asked for. */
  static FetchFailure stopped() {
    return new FetchFailure("stopped before the request", true);
  }

  /** Whether the fetch was given up because of a stop, not a failure of the host. */
  boolean isStop() {
    return stopped;
  }
}
