package org.newsgraph.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An exclusive, process-wide lock on a database directory: the file {@code newsgraph.lock} holds an
 * operating-system lock for as long as a process uses the store, and names that process (PID,
 * command, start time) so that a second process can tell the user who holds it. The operating
 * system drops the lock when the holder dies, even by SIGKILL, so a crash never leaves a stale
 * lock.
 *
 * <p>Several stores opened on the same directory inside one JVM share one lock (TDB2 itself shares
 * one dataset per directory inside a JVM): the lock is released when the last of them closes.
 * Thread-safe.
 */
public final class StoreLock implements AutoCloseable {

  /** The lock file's name inside the database directory. */
  public static final String FILE_NAME = "newsgraph.lock";

  // One entry per locked directory of this JVM; needed because the OS lock is per process.
  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path key;
  private final boolean first;
  private boolean closed;

  private StoreLock(Path key, boolean first) {
    this.key = key;
    this.first = first;
  }

  /**
   * Whether this lock took the directory's lock for the process: no other store of this JVM has the
   * dataset open, so its files are not being written.
   */
  boolean first() {
    return first;
  }

  /**
   * Takes the lock of a database directory, at once or not at all.
   *
   * @param directory an existing database directory
   * @return the lock; close it to release
   * @throws StoreLockedException when another process holds it (naming the holder)
   * @throws StoreException when the lock file cannot be written
   */
  public static StoreLock acquire(Path directory) {
    Path key = directory.toAbsolutePath().normalize();
    synchronized (HELD) {
      Held held = HELD.get(key);
      if (held != null) {
        held.users++;
        return new StoreLock(key, false);
      }
      HELD.put(key, lockFile(key));
      return new StoreLock(key, true);
    }
  }

  private static Held lockFile(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot write the lock file "
              + file
              + " ("
              + describe(e)
              + "); is the directory read-only?",
          e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        StoreLockedException.Holder holder = readHolder(file);
        channel.close();
        throw new StoreLockedException(directory, holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holderText().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new Held(channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new StoreException("cannot lock " + file + ": " + describe(e), e);
    }
  }

  private static String holderText() {
    ProcessHandle self = ProcessHandle.current();
    String command = self.info().commandLine().orElse("java");
    return "pid=" + self.pid() + "\nstarted=" + Instant.now() + "\ncommand=" + command + "\n";
  }

  /** The holder as its lock file names it, as well as the file can be read. */
  static StoreLockedException.Holder readHolder(Path file) {
    String pid = "?";
    String started = "?";
    String command = "?";
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = line.substring(4);
        } else if (line.startsWith("started=")) {
          started = line.substring(8);
        } else if (line.startsWith("command=")) {
          command = line.substring(8);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new StoreLockedException.Holder(pid, command, started, describe(e), file);
    }
    return new StoreLockedException.Holder(pid, command, started, null, file);
  }

  private static String describe(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing to add: the lock was not taken.
    }
  }

  /** Releases this holder's share of the lock; the file lock goes with the last share. */
  @Override
  public void close() {
    close(() -> {});
  }

  /**
   * Releases this holder's share of the lock, running {@code lastRelease} first when this is the
   * last share of the JVM (while the lock is still held, so no other process can step in).
   *
   * @param lastRelease what to do before the file lock goes, such as closing the database files
   */
  public void close(Runnable lastRelease) {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(key);
      if (held != null && --held.users == 0) {
        HELD.remove(key);
        try {
          lastRelease.run();
        } finally {
          releaseFile(held);
        }
      }
    }
  }

  private static void releaseFile(Held held) {
    try {
      held.lock.release();
    } catch (IOException e) {
      // The channel close below drops the lock anyway.
    }
    closeQuietly(held.channel);
  }

  /** An OS lock and the number of stores of this JVM that share it. */
  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int users = 1;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }
}
