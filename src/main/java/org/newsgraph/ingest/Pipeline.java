package org.newsgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.source.SourceWalker;

/**
 * Walks the sources on one thread, processes files on worker threads, and hands the results to the
 * calling thread in walk order (so a run is deterministic whatever the thread count). The queue
 * between them is bounded, so memory stays flat however large the corpus is.
 */
final class Pipeline {

  private static final Future<FileResult> END = CompletableFuture.completedFuture(null);

  private final FileWork work;
  private final int threads;
  private final SourceWalker walker;

  Pipeline(FileWork work, int threads) {
    this.work = work;
    this.threads = threads;
    this.walker = new SourceWalker(work::knownUnchanged);
  }

  /**
   * Runs the walk and hands every result to {@code sink} on the calling thread.
   *
   * @throws RuntimeException what {@code sink} or a worker threw; the walk is then stopped
   */
  void run(List<String> paths, InputStream stdin, Consumer<FileResult> sink) {
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "newsgraph-ingest-worker");
              t.setDaemon(true);
              return t;
            });
    BlockingQueue<Future<FileResult>> queue = new ArrayBlockingQueue<>(threads * 64);
    AtomicReference<Throwable> walkFailure = new AtomicReference<>();
    Thread walk =
        new Thread(
            () -> walk(paths, stdin, workers, queue, walkFailure), "newsgraph-ingest-walker");
    walk.setDaemon(true);
    walk.start();
    try {
      for (Future<FileResult> next = take(queue); next != END; next = take(queue)) {
        sink.accept(result(next));
      }
    } finally {
      walk.interrupt();
      workers.shutdownNow();
      joinQuietly(walk);
    }
    Throwable failure = walkFailure.get();
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }

  /** Files skipped by the walk, by reason; valid after {@link #run}. */
  Map<SourceWalker.Skip, Long> skipped() {
    return walker.skippedByReason();
  }

  private void walk(
      List<String> paths,
      InputStream stdin,
      ExecutorService workers,
      BlockingQueue<Future<FileResult>> queue,
      AtomicReference<Throwable> failure) {
    try {
      for (String path : paths) {
        if (path.equals("-")) {
          byte[] bytes = stdin.readAllBytes();
          put(queue, workers.submit(() -> work.stdin(bytes)));
        } else if (!Files.exists(Path.of(path))) {
          put(
              queue,
              CompletableFuture.completedFuture(
                  FileResult.failed(
                      path,
                      path,
                      Problem.error(path, Position.START, "no such file or directory"))));
        } else {
          walker.walk(
              Path.of(path),
              file -> put(queue, workers.submit(() -> work.file(file))),
              file -> put(queue, CompletableFuture.completedFuture(work.unchangedByStamp(file))),
              (file, why) ->
                  put(queue, CompletableFuture.completedFuture(work.skipped(file, why.text()))));
        }
      }
    } catch (Cancelled e) {
      return; // the writer stopped; it reports why
    } catch (IOException e) {
      failure.set(new UncheckedIOException("cannot read standard input: " + e.getMessage(), e));
    } catch (RuntimeException | Error e) {
      // Errors too (an OutOfMemoryError): the reader must get END, or it would wait forever.
      failure.set(e);
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void put(BlockingQueue<Future<FileResult>> queue, Future<FileResult> item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  private static Future<FileResult> take(BlockingQueue<Future<FileResult>> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    }
  }

  private static FileResult result(Future<FileResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The walk was stopped because the writer gave up. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
