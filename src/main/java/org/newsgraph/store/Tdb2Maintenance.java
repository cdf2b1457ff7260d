package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.StorageException;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.DatabaseOps;

/** Housekeeping of a TDB2 directory: compaction, leftovers of a crashed compaction, error texts. */
final class Tdb2Maintenance {

  private Tdb2Maintenance() {}

  /**
   * Compacts into a new generation and deletes the old one.
   *
   * @return bytes of the directory before and after
   */
  static Tdb2Store.Compaction compact(DatasetGraph dataset, Path directory) {
    long before = size(directory);
    Path current = DatabaseOps.findStorageLocation(directory);
    long needed = current == null ? 0 : size(current);
    long free;
    try {
      free = Files.getFileStore(directory).getUsableSpace();
    } catch (IOException e) {
      throw new StoreException(
          "cannot tell the free space of " + directory + ": " + e.getMessage(), e);
    }
    // Compaction copies the live data of the current generation; it is at most that large.
    if (free < needed) {
      throw new StoreException(
          "not enough free space to compact "
              + directory
              + ": compaction may need "
              + needed / (1 << 20)
              + " MiB, "
              + free / (1 << 20)
              + " MiB free; nothing was changed");
    }
    try {
      DatabaseMgr.compact(dataset, true);
    } catch (RuntimeException e) {
      throw new StoreException(
          "compaction of "
              + directory
              + " failed: "
              + reason(e)
              + "; the store stays at its previous generation",
          e);
    }
    return new Tdb2Store.Compaction(before, size(directory));
  }

  /**
   * Deletes {@code Data-NNNN-tmp} directories: a compaction that crashed before it switched over.
   * The live generation is never a {@code -tmp} directory, so nothing committed is touched.
   */
  static void removeCompactionLeftovers(Path directory) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "Data-*-tmp")) {
      for (Path leftover : entries) {
        deleteTree(leftover);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot clean the unfinished compaction in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether an exception out of TDB2 is the storage failing (an I/O error such as a full disk, a
   * damaged or unwritable file, a transaction the engine could not complete) rather than a defect
   * of the code that ran in the transaction: something in its chain of causes is of a type the
   * storage layers throw.
   */
  static boolean isStorageFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof IOException
          || c instanceof UncheckedIOException
          || c instanceof RuntimeIOException
          || c instanceof DBOpEnvException
          || c instanceof StorageException
          || c instanceof TDBException
          || c instanceof JenaTransactionException
          || c instanceof StoreException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /** The most telling message in a chain of causes (an IOException's text when there is one). */
  static String reason(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof IOException && c.getMessage() != null) {
        return c.getMessage();
      }
    }
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  private static long size(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // vanished while walking
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
