package org.newsgraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run does when the Java heap runs out: one line that says so and how to give it more, and
 * exit code {@value ExitCodes#OUT_OF_MEMORY}; never a stack trace per thread, never a process that
 * hangs because the thread that died was one another waits for.
 *
 * <p>An {@link OutOfMemoryError} reaches the command in one of three ways: thrown on the command's
 * own thread, carried as the cause of a worker's failure, or killing a thread nobody waits on
 * (Jena's loader threads, for one). The first two are reported by {@link Main}; the third by the
 * handler {@link #exitOnUncaught()} installs, which stops the JVM at once: after an error like that
 * nothing it would still do can be trusted. Stopping never leaves a half-written store: an
 * uncommitted TDB2 transaction is rolled back when the store is next opened, as after a kill.
 */
final class OutOfMemory {

  private static final int MAX_CAUSES = 20;

  /** Set by a report, so that a thread dying of the same shortage does not print the line again. */
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private OutOfMemory() {}

  /** Whether {@code e} or one of its causes is an {@link OutOfMemoryError}. */
  static boolean in(Throwable e) {
    Throwable cause = e;
    for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** The line to print, naming the heap this JVM had. */
  static String message() {
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    return "newsgraph: out of memory: the Java heap (at most "
        + heapMb
        + " MB) is too small for this run;"
        + " nothing was half-written, the store keeps its last commit. Run again with a larger heap:"
        + " java -Xmx2g -jar newsgraph.jar ..., or JAVA_TOOL_OPTIONS=-Xmx2g";
  }

  /** Reports on {@code err} and returns the exit code. */
  static int report(PrintWriter err) {
    REPORTED.set(true);
    err.println(message());
    err.flush();
    return ExitCodes.OUT_OF_MEMORY;
  }

  /**
   * Makes any thread that dies of an {@link OutOfMemoryError} stop the JVM with exit code {@value
   * ExitCodes#OUT_OF_MEMORY}, after the one line on stderr. Other uncaught throwables are printed
   * as before. For the command-line process only: an embedding application keeps its own policy.
   */
  static void exitOnUncaught() {
    // Built now: when the heap is gone, building it might fail too.
    String line = message();
    PrintStream err = System.err;
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (in(e)) {
            if (REPORTED.compareAndSet(false, true)) {
              err.println(line);
              err.flush();
            }
            Runtime.getRuntime().halt(ExitCodes.OUT_OF_MEMORY);
          }
          err.print("Exception in thread \"" + thread.getName() + "\" ");
          e.printStackTrace(err);
        });
  }
}
