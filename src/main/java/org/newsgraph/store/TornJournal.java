package org.newsgraph.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import org.apache.jena.dboe.transaction.txn.ComponentId;

/**
 * Cuts a torn last entry off the journal of a TDB2 store, so that a store whose writer was killed
 * while it wrote its journal opens at its last commit.
 *
 * <p>TDB2 commits by appending the transaction's entries to {@code Data-NNNN/journal.jrnl} (each a
 * header: data length, Adler-32 checksum, entry type, component id; then the data), the commit
 * entry last, syncing, and only then applying them. It writes an entry's header and its data with
 * two calls, so a process killed between them leaves a header whose data is missing, and TDB2's
 * recovery then refuses to open the store ("Failed to read the journal entry data"), though the
 * entry belongs to a transaction that never committed and that recovery would drop anyway. This
 * class cuts such an entry off: only a last entry, only when it is incomplete or its checksum
 * fails. Damage anywhere else is left for TDB2 to report.
 */
final class TornJournal {

  static final String FILE_NAME = "journal.jrnl";

  /** Data length, checksum and entry type (an int each), then the component id. */
  static final int HEADER = 4 + 4 + 4 + ComponentId.SIZE;

  private static final int CHECKSUM_AT = 4;

  private TornJournal() {}

  /**
   * Repairs the journal of the store's current generation, if it ends in a torn entry.
   *
   * @param store a TDB2 database directory, locked by this process
   * @return the bytes cut off, or empty when nothing was cut
   * @throws IOException when the journal cannot be read or truncated
   */
  static OptionalLong repair(Path store) throws IOException {
    Path generation = currentGeneration(store);
    if (generation == null || !Files.isRegularFile(generation.resolve(FILE_NAME))) {
      return OptionalLong.empty();
    }
    return cutTornTail(generation.resolve(FILE_NAME));
  }

  /** The highest-numbered {@code Data-NNNN} directory: the one TDB2 opens. */
  private static Path currentGeneration(Path store) throws IOException {
    if (!Files.isDirectory(store)) {
      return null;
    }
    try (Stream<Path> children = Files.list(store)) {
      return children
          .filter(p -> p.getFileName().toString().matches("Data-\\d{4}") && Files.isDirectory(p))
          .max(Path::compareTo)
          .orElse(null);
    }
  }

  /** Truncates {@code journal} at the start of its last entry when that entry is torn. */
  static OptionalLong cutTornTail(Path journal) throws IOException {
    try (FileChannel channel =
        FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long at = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      while (at < size) {
        if (size - at < HEADER) {
          return cut(channel, at, size);
        }
        header.clear();
        read(channel, header, at);
        int length = Math.max(0, header.getInt(0));
        long end = at + HEADER + length;
        if (end > size) {
          return cut(channel, at, size);
        }
        if (end == size && !checksumHolds(channel, header, at, length)) {
          return cut(channel, at, size);
        }
        at = end;
      }
      return OptionalLong.empty();
    }
  }

  private static boolean checksumHolds(FileChannel channel, ByteBuffer header, long at, int length)
      throws IOException {
    int recorded = header.getInt(CHECKSUM_AT);
    byte[] bytes = header.array().clone();
    ByteBuffer.wrap(bytes).putInt(CHECKSUM_AT, 0);
    Adler32 adler = new Adler32();
    adler.update(bytes);
    if (length > 0) {
      ByteBuffer data = ByteBuffer.allocate(length);
      read(channel, data, at + HEADER);
      adler.update(data.array());
    }
    return (int) adler.getValue() == recorded;
  }

  private static void read(FileChannel channel, ByteBuffer into, long at) throws IOException {
    long position = at;
    while (into.hasRemaining()) {
      int n = channel.read(into, position);
      if (n < 0) {
        throw new IOException("journal ended while reading at " + position);
      }
      position += n;
    }
  }

  private static OptionalLong cut(FileChannel channel, long at, long size) throws IOException {
    channel.truncate(at);
    channel.force(true);
    return OptionalLong.of(size - at);
  }
}
