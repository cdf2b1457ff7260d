package org.newsgraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * What the file system says of a file without reading it: its size and last-modified time (to the
 * nanosecond where the file system keeps them). An ingest skips a file whose stamp equals the one
 * recorded when it was last read, as git and rsync do, and hashes it otherwise.
 *
 * <p>A stamp taken of a file modified moments before it was read is not recorded ("racy", in git's
 * word): a second write in the same clock tick would leave size and time unchanged while the bytes
 * differ. Such a file is hashed again at the next run, which then records its stamp.
 *
 * @param size bytes
 * @param modifiedNanos last-modified time, nanoseconds since the epoch
 */
record FileStamp(long size, long modifiedNanos) {

  /**
   * How recently before being read a file may have been modified for its stamp to be trusted later.
   * Larger than the coarsest common timestamp granularity (2 s, FAT).
   */
  static final Duration RACY = Duration.ofSeconds(3);

  /** The stamp of a file, read from the file system. */
  static FileStamp of(Path file) throws IOException {
    return of(Files.readAttributes(file, BasicFileAttributes.class));
  }

  /** The stamp a file's attributes give. */
  static FileStamp of(BasicFileAttributes attributes) {
    return new FileStamp(attributes.size(), nanos(attributes.lastModifiedTime().toInstant()));
  }

  /** The stamp from its recorded form (bytes, and an {@code xsd:dateTime} lexical form). */
  static FileStamp parse(long size, String modified) {
    return new FileStamp(size, nanos(Instant.parse(modified)));
  }

  /** The last-modified time as an instant. */
  Instant modified() {
    return Instant.ofEpochSecond(
        Math.floorDiv(modifiedNanos, 1_000_000_000L), Math.floorMod(modifiedNanos, 1_000_000_000L));
  }

  /** True when the file was modified less than {@link #RACY} before {@code readAt}. */
  boolean racyAt(Instant readAt) {
    return modified().isAfter(readAt.minus(RACY));
  }

  private static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
