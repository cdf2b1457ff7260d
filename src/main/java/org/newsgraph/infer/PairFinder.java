package org.newsgraph.infer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds every pair of articles within the time window whose score reaches the threshold (or whose
 * texts are copies), without comparing all pairs: articles arrive in publication order, the window
 * behind the newest is kept with an inverted index of its terms, and a new article is compared with
 * the window's articles that share a term with it.
 *
 * <p>The terms shared by most of the window would make that every article of a dense window (a
 * million articles over a few years puts thousands in a week): they are left out of the search as
 * long as they cannot decide a pair ("prefix filtering"). Taking the new article's terms from the
 * one with the longest posting list on, a term is left out while the sum over the left-out terms of
 * its weight times the largest weight the term has had in the window stays below the least cosine
 * that can count (the threshold, or the copy floor when lower). An article that shares only
 * left-out terms has a cosine below that sum, so it could not make a pair. The searched terms' part
 * of each candidate's dot product is summed from the index; a candidate whose part plus that sum
 * stays below the least cosine is dropped, and every other one is scored with the exact {@link
 * TextProfile#cosine}. The pairs are therefore exactly those of comparing every two articles, with
 * the same scores, whatever is left out. A pair's score depends on the two articles alone, so the
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
  private final Map<Long, Postings> postings = new HashMap<>();
  private Doc last;
  private long nextId;
  private double[] dots = new double[256];
  private double leftOutBound;
  private final List<Slot> touched = new ArrayList<>();
  private long[] order = new long[64];
  private long leftOut;

  /** An article in the window, with its arrival number. */
  private record Slot(Doc doc, long id) {}

  /** A term's occurrence in a window article, with its weight there. */
  private record Posting(Slot slot, float weight) {}

  /**
   * A term's occurrences in the window, oldest first, and the largest weight it has had there since
   * the list was last empty (an upper bound of the window's largest).
   */
  private static final class Postings {
    final ArrayDeque<Posting> list = new ArrayDeque<>();
    float max;
  }

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
    int searched = searchedFrom(p);
    for (int k = searched; k < orderLength; k++) {
      int i = (int) order[k];
      for (Posting posting : postings.get(p.terms()[i]).list) {
        int at = (int) (posting.slot().id() - first);
        if (dots[at] == 0) {
          touched.add(posting.slot());
        }
        dots[at] += p.weights()[i] * posting.weight();
      }
    }
    double least = least();
    for (Slot other : touched) {
      int at = (int) (other.id() - first);
      // The searched terms' part of the dot product, plus at most leftOutBound from the others.
      boolean possible = dots[at] + leftOutBound >= least;
      dots[at] = 0;
      if (possible) {
        Pair pair = pair(other.doc(), doc, p.cosine(other.doc().profile()), settings);
        if (pair != null) {
          sink.accept(pair);
        }
      }
    }
    touched.clear();
    Slot slot = new Slot(doc, nextId++);
    window.addLast(slot);
    for (int i = 0; i < p.terms().length; i++) {
      Postings list = postings.computeIfAbsent(p.terms()[i], t -> new Postings());
      list.list.addLast(new Posting(slot, p.weights()[i]));
      list.max = Math.max(list.max, p.weights()[i]);
    }
  }

  private int orderLength;

  /**
   * Orders the article's terms that occur in the window by the length of their posting lists,
   * longest first, into {@link #order} (indexes into the profile), and returns how many of the
   * first ones can be left out of the search (see the class comment).
   */
  private int searchedFrom(TextProfile p) {
    int n = 0;
    if (order.length < p.terms().length) {
      order = new long[Math.max(p.terms().length, order.length * 2)];
    }
    for (int i = 0; i < p.terms().length; i++) {
      Postings list = postings.get(p.terms()[i]);
      if (list != null) {
        // Sort key: the list's length in the high bits, the term's index in the low ones.
        order[n++] = (long) list.list.size() << 32 | i;
      }
    }
    Arrays.sort(order, 0, n);
    // Longest first: reverse, then strip the lengths.
    for (int a = 0, b = n - 1; a < b; a++, b--) {
      long t = order[a];
      order[a] = order[b];
      order[b] = t;
    }
    for (int k = 0; k < n; k++) {
      order[k] = order[k] & 0xffffffffL;
    }
    orderLength = n;
    double least = least();
    double bound = 0;
    int k = 0;
    while (k < n) {
      int i = (int) order[k];
      double most = (double) p.weights()[i] * postings.get(p.terms()[i]).max;
      if (bound + most >= least) {
        break;
      }
      bound += most;
      leftOut += postings.get(p.terms()[i]).list.size();
      k++;
    }
    leftOutBound = bound;
    return k;
  }

  /** The least cosine that can make a pair (a little less, for rounding). */
  private double least() {
    return Math.min(settings.threshold(), COPY_FLOOR) - 1e-6;
  }

  /** How many postings the search has left out so far (for tests). */
  long postingsLeftOut() {
    return leftOut;
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
        Postings list = postings.get(term);
        list.list.pollFirst(); // postings are in publication order, so the oldest is first
        if (list.list.isEmpty()) {
          postings.remove(term);
        }
      }
    }
  }
}
