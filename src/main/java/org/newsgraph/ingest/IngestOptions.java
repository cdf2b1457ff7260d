package org.newsgraph.ingest;

/**
 * How an ingest run behaves.
 *
 * @param batchSize records per write transaction (at least 1); a record is never split
 * @param threads worker threads that read, parse and map (at least 1)
 * @param prune remove the graphs of source files that no longer exist
 * @param bulk allow the bulk loader when the store is empty
 * @param progress draw a progress line on stderr
 */
public record IngestOptions(int batchSize, int threads, boolean prune, boolean bulk, boolean progress) {

  /** Validates. */
  public IngestOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  /** Defaults: 500 records per batch, one worker per core, no prune, bulk allowed, no progress. */
  public static IngestOptions defaults() {
    return new IngestOptions(500, Runtime.getRuntime().availableProcessors(), false, true, false);
  }

  /** A copy with another batch size. */
  public IngestOptions withBatchSize(int size) {
    return new IngestOptions(size, threads, prune, bulk, progress);
  }

  /** A copy with prune on or off. */
  public IngestOptions withPrune(boolean on) {
    return new IngestOptions(batchSize, threads, on, bulk, progress);
  }

  /** A copy with the bulk loader allowed or not. */
  public IngestOptions withBulk(boolean on) {
    return new IngestOptions(batchSize, threads, prune, on, progress);
  }

  /** A copy with the progress line on or off. */
  public IngestOptions withProgress(boolean on) {
    return new IngestOptions(batchSize, threads, prune, bulk, on);
  }

  /** A copy with another number of worker threads. */
  public IngestOptions withThreads(int n) {
    return new IngestOptions(batchSize, n, prune, bulk, progress);
  }
}
