package org.newsgraph.ingest;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr, redrawn in place at most five times a second: files done,
 * rate, and the counts so far. Used by the writer thread only.
 */
final class ProgressBar {

  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  /** A bar on a stream, or a silent one when {@code err} is null. */
  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** Redraws when enough time has passed. */
  void update(Counts counts) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    draw(counts, now);
  }

  /** Draws the final state and ends the line. */
  void finish(Counts counts) {
    if (err != null && drawn) {
      draw(counts, System.nanoTime());
      err.print('\n');
      err.flush();
    }
  }

  private void draw(Counts c, long now) {
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    long done = c.filesRead;
    String bar = bar(c);
    err.print(
        String.format(
            Locale.ROOT,
            "\r%s %,d files %,.0f/s  +%,d ~%,d =%,d !%,d -%,d  %.0fs ",
            bar,
            done,
            done / seconds,
            c.added,
            c.replaced,
            c.unchanged,
            c.rejected,
            c.removed,
            seconds));
    err.flush();
    drawn = true;
  }

  private static String bar(Counts c) {
    // The total is unknown while the walk goes on, so the bar shows the mix of outcomes, not a
    // fraction.
    long total = Math.max(1, c.filesRead);
    int width = 20;
    int changed = (int) Math.round(width * (double) (c.added + c.replaced) / total);
    int same = (int) Math.round(width * (double) c.unchanged / total);
    changed = Math.min(width, changed);
    same = Math.min(width - changed, same);
    return "[" + "#".repeat(changed) + "=".repeat(same) + " ".repeat(width - changed - same) + "]";
  }

  /** The counts a run keeps; mutated by the writer thread only. */
  static final class Counts {
    long filesRead;
    long added;
    long replaced;
    long unchanged;
    long rejected;
    long removed;
    long warnings;
  }
}
