package org.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The SPARQL endpoint of a {@code newsgraph serve} that holds a store, recorded in the file {@value
 * #FILE_NAME} beside the store's lock file, so that a read-only command that finds the store locked
 * can read it through that server instead. The file names the server's process and its dataset URL;
 * it is written once the server listens and removed when it stops cleanly. A file left by a server
 * that died counts for nothing: it is only believed while its process is alive and is the one that
 * holds the store's lock.
 *
 * @param pid the server's process id
 * @param url the dataset URL ({@code http://127.0.0.1:PORT/newsgraph}): query at {@code URL/sparql}
 */
public record ServedEndpoint(long pid, String url) {

  /** The file's name inside the database directory. */
  public static final String FILE_NAME = "newsgraph.serve";

  /**
   * Records this process's endpoint for a store.
   *
   * @param directory the database directory
   * @param url the dataset URL
   * @return the written record
   * @throws StoreException when the file cannot be written
   */
  public static ServedEndpoint record(Path directory, String url) {
    ServedEndpoint served = new ServedEndpoint(ProcessHandle.current().pid(), url);
    Path file = directory.resolve(FILE_NAME);
    Path tmp = directory.resolve(FILE_NAME + ".tmp");
    try {
      Files.writeString(tmp, "pid=" + served.pid + "\nurl=" + url + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return served;
  }

  /**
   * Removes the record of a store when it is this process's own (a later server's is left alone).
   */
  public static void remove(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    read(file)
        .filter(s -> s.pid == ProcessHandle.current().pid())
        .ifPresent(
            s -> {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                // Left behind, it is stale once this process is gone, and ignored then.
              }
            });
  }

  /**
   * The endpoint of the server that holds a locked store: the recorded one, when its process is
   * alive and is the lock's holder.
   *
   * @param locked the failure to open the store
   * @return the endpoint, or empty when the holder is not a server that recorded one
   */
  public static Optional<ServedEndpoint> of(StoreLockedException locked) {
    return read(locked.directory().resolve(FILE_NAME))
        .filter(s -> Long.toString(s.pid).equals(locked.holder().pid()))
        .filter(s -> ProcessHandle.of(s.pid).map(ProcessHandle::isAlive).orElse(false));
  }

  private static Optional<ServedEndpoint> read(Path file) {
    long pid = -1;
    String url = null;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = Long.parseLong(line.substring(4).strip());
        } else if (line.startsWith("url=")) {
          url = line.substring(4).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent, or not a record: no server to read through
    }
    return pid > 0 && url != null && url.startsWith("http://")
        ? Optional.of(new ServedEndpoint(pid, url))
        : Optional.empty();
  }
}
