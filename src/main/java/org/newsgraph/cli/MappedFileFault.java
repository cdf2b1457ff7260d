package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.logging.Logger;

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
  // Where Caffeine (TDB2's node caches) logs a failed maintenance task, through java.util.logging.
  // Held here: the logging framework keeps its loggers weakly, and would drop the filter with one.
  static final Logger CACHE_LOG =
      Logger.getLogger("com.github.benmanes.caffeine.cache.BoundedLocalCache");

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

  /**
   * Keeps such a fault out of the cache library's log. When the disk fills, a cache maintenance
   * task on a pool thread can be the first to touch a page that cannot be backed; the library then
   * logs the fault with its stack trace on standard error, before the command reports it in one
   * line ({@link #report}). Every other record of that logger is published as before.
   */
  static void quietCacheLog() {
    CACHE_LOG.setFilter(record -> record.getThrown() == null || !in(record.getThrown()));
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
