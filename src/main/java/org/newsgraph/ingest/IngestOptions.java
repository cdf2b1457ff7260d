package org.newsgraph.ingest;

/**
 * How an ingest run behaves.
 *
 * @param batchSize records per write transaction (at least 1); a record is never split
 * @param threads worker threads that read, parse and map (at least 1)
 * @param prune remove the graphs of source files that no longer exist
 * @param bulk allow the bulk loader when the store is empty
 * @param progress draw a progress line on stderr
 * @param checksum hash every file, even when its size and modification time match the recorded ones
 * @param verbose report notes too: each article merged from several descriptions, each file skipped
 */
public record IngestOptions(
    int batchSize,
    int threads,
    boolean prune,
    boolean bulk,
    boolean progress,
    boolean checksum,
    boolean verbose) {

  /** Validates. */
  public IngestOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  /**
   * Defaults: 1000 records per batch, one worker per core, no prune, bulk allowed, no progress,
   * files whose size and modification time are unchanged skipped without being read.
   */
  public static IngestOptions defaults() {
    return new IngestOptions(
        1000, Runtime.getRuntime().availableProcessors(), false, true, false, false, false);
  }

  /** A copy with another batch size. */
  public IngestOptions withBatchSize(int size) {
    return new IngestOptions(size, threads, prune, bulk, progress, checksum, verbose);
  }

  /** A copy with prune on or off. */
  public IngestOptions withPrune(boolean on) {
    return new IngestOptions(batchSize, threads, on, bulk, progress, checksum, verbose);
  }

  /** A copy with the bulk loader allowed or not. */
  public IngestOptions withBulk(boolean on) {
    return new IngestOptions(batchSize, threads, prune, on, progress, checksum, verbose);
  }

  /** A copy with the progress line on or off. */
  public IngestOptions withProgress(boolean on) {
    return new IngestOptions(batchSize, threads, prune, bulk, on, checksum, verbose);
  }

  /** A copy with another number of worker threads. */
  public IngestOptions withThreads(int n) {
    return new IngestOptions(batchSize, n, prune, bulk, progress, checksum, verbose);
  }

  /** A copy that hashes every file (or trusts unchanged size and modification time). */
  public IngestOptions withChecksum(boolean on) {
    return new IngestOptions(batchSize, threads, prune, bulk, progress, on, verbose);
  }

  /** A copy with notes reported or not. */
  public IngestOptions withVerbose(boolean on) {
    return new IngestOptions(batchSize, threads, prune, bulk, progress, checksum, on);
  }
}
