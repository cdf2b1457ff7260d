package org.newsgraph.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.newsgraph.model.LongIntMap;

/**
 * Finds the pairs of articles within the time window whose score reaches the threshold (or whose
 * texts are copies), without comparing all pairs: articles arrive in publication order, the window
 * behind the newest is kept with an inverted index of its terms, and a new article is compared with
 * the window's articles that share a term with it. Of the pairs a new article makes with earlier
 * ones, only the {@link InferenceSettings#neighbours()} strongest are reported ({@link
 * Pair#byStrength}: copies, then score, then IRIs): a window crowded with near-identical texts
 * (thousands of releases of one template in a week) would otherwise make a pair of nearly every two
 * of them. Whether a pair is kept depends on its later article and the articles before it in the
 * window, never on the articles after it.
 *
 * <p>The terms shared by most of the window would make that every article of a dense window (a
 * million articles over a few years puts thousands in a week): they are left out of the search as
 * long as they cannot decide a pair ("prefix filtering"). Taking the new article's terms from the
 * one with the longest posting list on, a term is left out while the sum over the left-out terms of
 * its weight times the largest weight the term has had in the window stays below the least cosine
 * that can count (the threshold, or the copy floor when lower). An article that shares only
 * left-out terms has a cosine below that sum, so it could not make a pair. The searched terms' part
 * of each candidate's dot product is summed from the index; a candidate whose part plus that sum
 * stays below the least cosine is dropped; for the others the left-out terms' part is added exactly
 * (each looked up in the candidate's sorted terms), and only a candidate whose whole dot product
 * reaches the least cosine is scored, with the exact {@link TextProfile#cosine} (so that a score
 * never depends on which terms were left out). The candidates are therefore exactly those of
 * comparing every two articles, with the same scores, whatever is left out. A pair's score depends
 * on the two articles alone, and whether it is kept on the later one's window, so the pairs found
 * do not depend on the order files were read in. Memory is the window's articles.
 *
 * <p>One exception keeps repeated text from making a pair of every two repeats (a boilerplate item
 * in thousands of feed entries, a notice re-posted under a thousand URLs: n repeats would make
 * n(n-1)/2 pairs and graphs): of the articles whose profiles are the same ({@link
 * TextProfile#fingerprint()}), only the earliest, the text's <em>first</em>, is searched and
 * indexed; each later one is paired with the first alone (a copy, when within the window) and with
 * nothing else, so it joins the first one's story through that link. Which article is a text's
 * first is the earliest that carries it: by default the earliest this finder was given (true when
 * it is given every article, as a full run does); an incremental run, which gives a finder only
 * some articles, passes the store's answer ({@link Firsts}). Memory: one entry per distinct text
 * seen. Not thread-safe.
 */
public final class PairFinder {

  /**
   * The least cosine of a pair whose shingles are compared: a text that repeats most of another
   * shares most of its words too, so pairs below it are never copies worth a look.
   */
  static final double COPY_FLOOR = 0.2;

  /** Tells whether an article is the earliest of the articles with its exact text. */
  @FunctionalInterface
  public interface Firsts {
    /** True when no article with the same non-empty profile comes before it. */
    boolean isFirst(Doc doc);
  }

  private final InferenceSettings settings;
  private final Consumer<Pair> sink;
  private final Firsts firsts;

  /** Each text's first article given to this finder: fingerprint to arrival number. */
  private final LongIntMap firstOfText = new LongIntMap();

  private long repeats;

  /** The window's articles, oldest first, in a ring; the oldest has arrival number firstId. */
  private Doc[] window = new Doc[256];

  private int head;
  private int size;
  private long firstId;
  private final Map<Long, PostingRing> postings = new HashMap<>();
  private Doc last;
  private double[] dots = new double[256];
  private int[] touched = new int[256];
  private long[] order = new long[64];
  private int orderLength;
  private double leftOutBound;
  private long leftOutPostings;
  private long leftOut;
  private long walks;
  private long lookups;
  private long dropped;
  private final List<Pair> found = new ArrayList<>();

  /**
   * What looking one term up in a candidate's terms costs, in postings walked: a binary search in
   * an array elsewhere in memory against a walk along an array.
   */
  private static final int LOOKUP_COST = 16;

  /**
   * @param settings the window, threshold and copy rule
   * @param sink receives each pair once
   */
  public PairFinder(InferenceSettings settings, Consumer<Pair> sink) {
    this(settings, sink, null);
  }

  /**
   * @param settings the window, threshold and copy rule
   * @param sink receives each pair once
   * @param firsts which articles are their text's first, or null for the first given to this finder
   */
  public PairFinder(InferenceSettings settings, Consumer<Pair> sink, Firsts firsts) {
    this.settings = settings;
    this.sink = sink;
    this.firsts = firsts;
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
    if (dots.length < size) {
      dots = new double[Math.max(size, dots.length * 2)];
      touched = new int[dots.length];
    }
    TextProfile p = doc.profile();
    if (!p.isEmpty()) {
      long text = p.fingerprint();
      int first = firstOfText.get(text);
      boolean isFirst = firsts == null ? first == LongIntMap.ABSENT : firsts.isFirst(doc);
      if (!isFirst) {
        repeats++;
        if (first != LongIntMap.ABSENT && first >= firstId) {
          Doc original = window[(head + (int) (first - firstId)) % window.length];
          Pair pair = pair(original, doc, p.cosine(original.profile()), settings);
          if (pair != null) {
            sink.accept(pair);
          }
        }
        return; // not indexed: later articles pair with the first of this text instead
      }
      firstOfText.put(text, (int) (firstId + size));
    }
    int searched = searchedFrom(p);
    int candidates = 0;
    for (int k = searched; k < orderLength; k++) {
      int i = (int) order[k];
      float weight = p.weights()[i];
      PostingRing list = postings.get(p.terms()[i]);
      long[] ids = list.ids;
      float[] weights = list.weights;
      for (int n = 0, at = list.head; n < list.size; n++, at = at + 1 == ids.length ? 0 : at + 1) {
        int slot = (int) (ids[at] - firstId);
        if (dots[slot] == 0) {
          touched[candidates++] = slot;
        }
        dots[slot] += weight * weights[at];
      }
    }
    double least = least();
    // The left-out terms' part of each candidate that the bound cannot drop: walked from their
    // posting lists (adding to candidates only) when that is cheaper than looking each term up in
    // every such candidate's terms.
    int possible = 0;
    for (int c = 0; c < candidates; c++) {
      if (dots[touched[c]] + leftOutBound >= least) {
        possible++;
      }
    }
    boolean walked = (long) possible * searched * LOOKUP_COST > leftOutPostings;
    if (walked) {
      walks++;
      for (int k = 0; k < searched; k++) {
        int i = (int) order[k];
        float weight = p.weights()[i];
        PostingRing list = postings.get(p.terms()[i]);
        long[] ids = list.ids;
        float[] weights = list.weights;
        for (int n = 0, at = list.head;
            n < list.size;
            n++, at = at + 1 == ids.length ? 0 : at + 1) {
          int slot = (int) (ids[at] - firstId);
          if (dots[slot] != 0) {
            dots[slot] += weight * weights[at];
          }
        }
      }
    }
    for (int c = 0; c < candidates; c++) {
      int slot = touched[c];
      double part = dots[slot];
      dots[slot] = 0;
      if (part + (walked ? 0 : leftOutBound) < least) {
        continue; // its whole dot product, or the searched terms' part plus the bound, is too low
      }
      Doc other = window[(head + slot) % window.length];
      if (!walked) {
        lookups++;
      }
      if (walked || part + leftOutPart(p, searched, other.profile()) >= least) {
        Pair pair = pair(other, doc, p.cosine(other.profile()), settings);
        if (pair != null) {
          found.add(pair);
        }
      }
    }
    emitStrongest(found, settings.neighbours(), sink);
    found.clear();
    long id = firstId + size;
    if (size == window.length) {
      Doc[] grown = new Doc[size * 2];
      for (int k = 0; k < size; k++) {
        grown[k] = window[(head + k) % size];
      }
      window = grown;
      head = 0;
    }
    window[(head + size) % window.length] = doc;
    size++;
    for (int i = 0; i < p.terms().length; i++) {
      postings.computeIfAbsent(p.terms()[i], t -> new PostingRing()).add(id, p.weights()[i]);
    }
  }

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
      PostingRing list = postings.get(p.terms()[i]);
      if (list != null) {
        // Sort key: the list's length in the high bits, the term's index in the low ones.
        order[n++] = (long) list.size << 32 | i;
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
    long skipped = 0;
    int k = 0;
    while (k < n) {
      int i = (int) order[k];
      PostingRing list = postings.get(p.terms()[i]);
      double most = (double) p.weights()[i] * list.max;
      if (bound + most >= least) {
        break;
      }
      bound += most;
      skipped += list.size;
      k++;
    }
    leftOutBound = bound;
    leftOutPostings = skipped;
    leftOut += skipped;
    return k;
  }

  /**
   * The left-out terms' part of the dot product of the new article with a candidate: the new
   * article's terms at {@code order[0..searched)}, each looked up in the candidate's sorted terms.
   * Summed in another order than {@link TextProfile#cosine} does, so it only decides which
   * candidates are scored (the least cosine has a margin for the rounding).
   */
  private double leftOutPart(TextProfile p, int searched, TextProfile other) {
    double dot = 0;
    long[] terms = other.terms();
    for (int k = 0; k < searched; k++) {
      int i = (int) order[k];
      int j = Arrays.binarySearch(terms, p.terms()[i]);
      if (j >= 0) {
        dot += p.weights()[i] * other.weights()[j];
      }
    }
    return dot;
  }

  /** The least cosine that can make a pair (a little less, for rounding). */
  private double least() {
    return least(settings);
  }

  /** The least cosine that can make a pair under some settings (a little less, for rounding). */
  static double least(InferenceSettings settings) {
    return Math.min(settings.threshold(), COPY_FLOOR) - 1e-6;
  }

  /**
   * Sends the strongest pairs ({@link Pair#byStrength}) of one article with earlier ones to a sink,
   * at most {@code limit} of them, and counts the others as dropped.
   */
  private void emitStrongest(List<Pair> pairs, int limit, Consumer<Pair> to) {
    if (pairs.size() > limit) {
      pairs.sort(Pair::byStrength);
      dropped += pairs.size() - limit;
    }
    for (int i = 0; i < Math.min(limit, pairs.size()); i++) {
      to.accept(pairs.get(i));
    }
  }

  /**
   * How many similar pairs were not reported because their later article had more than {@link
   * InferenceSettings#neighbours()} stronger ones.
   */
  public long pairsDropped() {
    return dropped;
  }

  /** How many postings the search has left out so far (for tests). */
  long postingsLeftOut() {
    return leftOut;
  }

  /** How many articles repeated an earlier one's text and were paired with it alone (for tests). */
  long repeats() {
    return repeats;
  }

  /** How many times the left-out terms' posting lists were walked (for tests). */
  long leftOutWalks() {
    return walks;
  }

  /** How many candidates had the left-out terms looked up in their own terms (for tests). */
  long leftOutLookups() {
    return lookups;
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
    if (score < settings.threshold() && !copy
        || a.profile().sameTemplateOtherSubject(b.profile())) {
      return null;
    }
    return a.compareTo(b) <= 0 ? new Pair(a, b, score, copy) : new Pair(b, a, score, copy);
  }

  private void evictBefore(long time) {
    while (size > 0 && window[head].time() < time) {
      Doc old = window[head];
      window[head] = null;
      head = (head + 1) % window.length;
      size--;
      firstId++;
      for (long term : old.profile().terms()) {
        PostingRing list = postings.get(term);
        list.removeOldest(); // postings are in publication order, so the oldest is first
        if (list.size == 0) {
          postings.remove(term);
        }
      }
    }
  }
}
