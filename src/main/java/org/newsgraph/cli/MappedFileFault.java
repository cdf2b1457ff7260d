package org.newsgraph.cli;

import java.io.PrintWriter;

/**
 * What a run does when a write to a memory-mapped store file fails. TDB2 writes its indexes through
 * memory-mapped files; when the disk fills up, the kernel cannot give a written page a block, and
 * the JVM turns the fault into an {@link InternalError} ("a fault occurred in a recent unsafe
 * memory access operation") instead of an {@code IOException}. It is reported as the store failure
 * it is: one line and exit code {@value ExitCodes#STORE}, not a stack trace. The transaction in
 * progress never committed, so the store opens at its last commit.
 */
final class MappedFileFault {

  private static final int MAX_CAUSES = 20;

  private MappedFileFault() {}

  /** Whether {@code e} or one of its causes is such a fault. */
  static boolean in(Throwable e) {
    Throwable cause = e;
    for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
      if (cause instanceof InternalError
          && cause.getMessage() != null
          && cause.getMessage().contains("unsafe memory access")) {
        return true;
      }
    }
    return false;
  }

  /** Reports on {@code err} and returns the exit code. */
  static int report(PrintWriter err) {
    err.println(
        "newsgraph: store unavailable: a write to the store's memory-mapped files failed (is the"
            + " disk full?); the run stopped before its commit and the store keeps its last"
            + " commit. Free some space and run again.");
    err.flush();
    return ExitCodes.STORE;
  }
}
