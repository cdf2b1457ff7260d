package org.newsgraph.infer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds every pair of articles within the time window whose score reaches the threshold (or whose
 * texts are copies), without comparing all pairs: articles arrive in publication order, the window
 * behind the newest is kept with an inverted index of its terms, and a new article's dot products
 * with the articles of the window are summed term by term from the index, so that only the articles
 * sharing a term with it are touched. A pair's score depends on the two articles alone, so the
 * pairs found do not depend on which other articles exist or in what order files were read. Memory
 * is the window's articles. Not thread-safe.
 */
public final class PairFinder {

  /**
   * The least cosine of a pair whose shingles are compared: a text that repeats most of another
   * shares most of its words too, so pairs below it are never copies worth a look.
   */
  static final double COPY_FLOOR = 0.2;

  private final InferenceSettings settings;
  private final Consumer<Pair> sink;
  private final ArrayDeque<Slot> window = new ArrayDeque<>();
  private final Map<Long, ArrayDeque<Posting>> postings = new HashMap<>();
  private Doc last;
  private long nextId;
  private double[] dots = new double[256];
  private final List<Slot> touched = new ArrayList<>();

  /** An article in the window, with its arrival number. */
  private record Slot(Doc doc, long id) {}

  /** A term's occurrence in a window article, with its weight there. */
  private record Posting(Slot slot, float weight) {}

  /**
   * @param settings the window, threshold and copy rule
   * @param sink receives each pair once
   */
  public PairFinder(InferenceSettings settings, Consumer<Pair> sink) {
    this.settings = settings;
    this.sink = sink;
  }

  /**
   * Adds the next article, in publication order ({@link Doc#compareTo}), and reports its pairs with
   * the articles before it in the window.
   *
   * @throws IllegalArgumentException when the article comes before the previous one
   */
  public void add(Doc doc) {
    if (last != null && doc.compareTo(last) < 0) {
      throw new IllegalArgumentException("articles must come in publication order");
    }
    last = doc;
    evictBefore(doc.time() - settings.windowSeconds());
    long first = window.isEmpty() ? nextId : window.peekFirst().id();
    int span = (int) (nextId - first);
    if (dots.length < span) {
      dots = new double[Math.max(span, dots.length * 2)];
    }
    TextProfile p = doc.profile();
    for (int i = 0; i < p.terms().length; i++) {
      ArrayDeque<Posting> list = postings.get(p.terms()[i]);
      if (list == null) {
        continue;
      }
      for (Posting posting : list) {
        int at = (int) (posting.slot().id() - first);
        if (dots[at] == 0) {
          touched.add(posting.slot());
        }
        dots[at] += p.weights()[i] * posting.weight();
      }
    }
    for (Slot other : touched) {
      int at = (int) (other.id() - first);
      Pair pair = pair(other.doc(), doc, Math.min(1.0, dots[at]), settings);
      dots[at] = 0;
      if (pair != null) {
        sink.accept(pair);
      }
    }
    touched.clear();
    Slot slot = new Slot(doc, nextId++);
    window.addLast(slot);
    for (int i = 0; i < p.terms().length; i++) {
      postings
          .computeIfAbsent(p.terms()[i], t -> new ArrayDeque<>())
          .addLast(new Posting(slot, p.weights()[i]));
    }
  }

  /**
   * Scores one pair, or null when it is neither similar enough nor a copy, or is outside the
   * window.
   *
   * @param a one article
   * @param b the other
   */
  public static Pair compare(Doc a, Doc b, InferenceSettings settings) {
    if (a.iri().equals(b.iri()) || a.profile().isEmpty() || b.profile().isEmpty()) {
      return null;
    }
    return pair(a, b, a.profile().cosine(b.profile()), settings);
  }

  private static Pair pair(Doc a, Doc b, double cosine, InferenceSettings settings) {
    long gap = Math.abs(a.time() - b.time());
    if (gap > settings.windowSeconds() || a.iri().equals(b.iri())) {
      return null;
    }
    double score = settings.score(cosine, gap);
    boolean copy =
        cosine >= COPY_FLOOR && a.profile().contains(b.profile(), settings.copyContainment());
    if (score < settings.threshold() && !copy) {
      return null;
    }
    return a.compareTo(b) <= 0 ? new Pair(a, b, score, copy) : new Pair(b, a, score, copy);
  }

  private void evictBefore(long time) {
    while (!window.isEmpty() && window.peekFirst().doc().time() < time) {
      Slot old = window.pollFirst();
      for (long term : old.doc().profile().terms()) {
        ArrayDeque<Posting> list = postings.get(term);
        list.pollFirst(); // postings are in publication order, so the oldest is first
        if (list.isEmpty()) {
          postings.remove(term);
        }
      }
    }
  }
}
