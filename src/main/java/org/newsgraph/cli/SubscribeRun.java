package org.newsgraph.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.newsgraph.store.StoreException;
import org.newsgraph.subscribe.FeedArchive;
import org.newsgraph.subscribe.FetchSettings;
import org.newsgraph.subscribe.Poller;
import org.newsgraph.subscribe.StopSignal;
import org.newsgraph.subscribe.Subscriber;

/**
 * {@code ingest URL|OPML...}: fetches the feeds into the archive, then ingests their folders (and
 * the paths named besides) through the normal ingest; once, or every {@code --every} until stopped.
 */
final class SubscribeRun {

  /** How long Ctrl-C or SIGTERM waits for the step under way (a snapshot, an ingest) to finish. */
  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  /** The normal ingest of a list of paths; returns its exit code. */
  @FunctionalInterface
  interface Ingest {
    int run(List<String> paths);
  }

  private final PrintWriter err;
  private final FeedArchive archive;
  private final FetchSettings settings;
  private final boolean verbose;

  SubscribeRun(Console console, FeedArchive archive, FetchSettings settings, boolean verbose) {
    this.err = console.err();
    this.archive = archive;
    this.settings = settings;
    this.verbose = verbose;
  }

  /**
   * Fetches every feed once, then ingests the folders of the feeds (every one that has a folder, so
   * that a snapshot archived by a run that was stopped before its ingest is read now) and the
   * paths.
   */
  int once(List<String> sources, List<String> paths, Ingest ingest) {
    StopSignal stop = new StopSignal();
    Subscriber subscriber =
        new Subscriber(archive, settings, Clock.systemUTC(), stop, err, verbose);
    Subscriber.Round round = subscriber.run(sources);
    err.println("fetch: " + round.summary());
    int code = ExitCodes.OK;
    List<String> files = union(paths, round.folders());
    if (!files.isEmpty()) {
      code = ingest.run(files);
    }
    return round.anyFailed() ? Math.max(code, ExitCodes.REJECTED) : code;
  }

  /**
   * Polls: a round every {@code every}, each followed by the ingest of what changed, until {@code
   * rounds} rounds ran (0: until stopped). Ctrl-C or SIGTERM stops between steps: the snapshot or
   * the ingest under way finishes first (up to {@link #STOP_GRACE}). A round's failures are
   * reported and polling goes on; a store that cannot be written (locked by another process) is
   * reported too, and what was not ingested is ingested at the next round.
   *
   * @return the worst exit code of the rounds
   */
  int poll(List<String> sources, List<String> paths, Duration every, int rounds, Ingest ingest) {
    StopSignal stop = new StopSignal();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.stop();
              err.println(
                  "newsgraph: stopping after the step under way (nothing is left half-written)");
              try {
                finished.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "newsgraph-stop-polling");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return poll(sources, paths, every, rounds, ingest, stop, Clock.systemUTC());
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and lets it go on now
      }
    }
  }

  int poll(
      List<String> sources,
      List<String> paths,
      Duration every,
      int rounds,
      Ingest ingest,
      StopSignal stop,
      Clock clock) {
    Subscriber subscriber = new Subscriber(archive, settings, clock, stop, err, verbose);
    Set<String> pending = new LinkedHashSet<>(); // archived, not yet ingested (store unavailable)
    int[] worst = {ExitCodes.OK};
    Poller poller = new Poller(every, rounds, clock, stop, stop::stopped);
    poller.run(
        number -> {
          Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
          Subscriber.Round round = subscriber.run(sources);
          err.println("fetch: round " + number + " (" + started + "): " + round.summary());
          if (round.anyFailed()) {
            worst[0] = Math.max(worst[0], ExitCodes.REJECTED);
          }
          if (stop.stopped()) {
            return; // what the round archived is ingested by the next run
          }
          List<String> files =
              number == 1
                  ? union(paths, round.folders())
                  : union(new ArrayList<>(pending), round.changed());
          if (files.isEmpty()) {
            return;
          }
          try {
            worst[0] = Math.max(worst[0], ingest.run(files));
            pending.clear();
          } catch (StoreException e) {
            pending.addAll(files);
            worst[0] = Math.max(worst[0], ExitCodes.STORE);
            err.println(
                "newsgraph: store unavailable: "
                    + UserMessages.of(e)
                    + "; the snapshots stay in the archive and are ingested at the next round");
          }
        });
    err.println("fetch: polling ended" + (stop.stopped() ? " (stopped)" : ""));
    return worst[0];
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
