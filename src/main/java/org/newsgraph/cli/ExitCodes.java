package org.newsgraph.cli;

/** The process exit codes (the table in the README, section "Exit codes"), decided in one place. */
public final class ExitCodes {

  /** Everything succeeded. */
  public static final int OK = 0;

  /**
   * Some records were rejected, a feed or OPML list could not be fetched, or validation failed;
   * each was reported.
   */
  public static final int REJECTED = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** The store is unavailable: locked, missing, unreachable, or a write failed. */
  public static final int STORE = 3;

  /** The Java heap ran out; the store keeps its last commit. */
  public static final int OUT_OF_MEMORY = 4;

  /** A defect in newsgraph itself (an unexpected exception); the stack trace is printed. */
  public static final int INTERNAL = 70;

  // Ctrl-C ends the JVM with 130 (128 + SIGINT) after the shutdown hooks; newsgraph never returns
  // it.

  private ExitCodes() {}
}
