package org.newsgraph.store;

import java.nio.file.Path;

/**
 * Another process holds the store's {@link StoreLock}. Carries what the lock file says of the
 * holder, so that the caller can tell the user who it is and what to do instead.
 */
public final class StoreLockedException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final transient Holder holder;

  StoreLockedException(Path directory, Holder holder) {
    super("the store " + directory + " is in use by " + holder.describe(command -> command));
    this.directory = directory;
    this.holder = holder;
  }

  /** The database directory. */
  public Path directory() {
    return directory;
  }

  /** The process holding the lock, as its lock file tells. */
  public Holder holder() {
    return holder;
  }

  /**
   * The process holding a store's lock, as its lock file tells ({@code "?"} for what it does not).
   *
   * @param pid its process id
   * @param command its command line
   * @param started when it took the lock
   * @param unreadable why the lock file could not be read, or null when it could
   * @param lockFile the lock file
   */
  public record Holder(
      String pid, String command, String started, String unreadable, Path lockFile) {

    /**
     * "process 123 (COMMAND) since 2026-..." or, when the lock file cannot be read, "another
     * process (...)".
     *
     * @param commandWords shows a command line the way the user knows it
     */
    public String describe(java.util.function.UnaryOperator<String> commandWords) {
      if (unreadable != null) {
        return "another process (its lock file " + lockFile + " is unreadable: " + unreadable + ")";
      }
      return "process " + pid + " (" + commandWords.apply(command) + ") since " + started;
    }
  }
}
