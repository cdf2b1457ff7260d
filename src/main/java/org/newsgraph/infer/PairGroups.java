package org.newsgraph.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The similar pairs of a whole corpus, held small — the positions of the two articles, the score
 * and whether it is a copy: 17 bytes a pair — until the {@link StoryRule} runs on one connected
 * group of pairs at a time, with the profiles of that group's articles alone read back. The rule
 * decides within a group (no pair joins two groups), so group by group gives what it gives on all
 * pairs at once, and memory is the largest group instead of every article that has a pair. Not
 * thread-safe.
 */
final class PairGroups {

  private int[] earlier = new int[1024];
  private int[] later = new int[1024];
  private double[] scores = new double[1024];
  private boolean[] copies = new boolean[1024];
  private int size;
  private int positions;

  /**
   * Adds a pair.
   *
   * @param earlierAt the position of the article published first
   * @param laterAt the position of the other
   */
  void add(int earlierAt, int laterAt, double score, boolean copy) {
    if (earlierAt < 0 || laterAt < 0) {
      throw new IllegalArgumentException("a pair of an article without a position");
    }
    if (size == earlier.length) {
      earlier = Arrays.copyOf(earlier, size * 2);
      later = Arrays.copyOf(later, size * 2);
      scores = Arrays.copyOf(scores, size * 2);
      copies = Arrays.copyOf(copies, size * 2);
    }
    earlier[size] = earlierAt;
    later[size] = laterAt;
    scores[size] = score;
    copies[size] = copy;
    size++;
    positions = Math.max(positions, Math.max(earlierAt, laterAt) + 1);
  }

  /** How many pairs were added. */
  int size() {
    return size;
  }

  /**
   * Hands each connected group of pairs, as pairs of documents, to {@code group}.
   *
   * @param docs the document at a position (read once per group and article)
   */
  void eachGroup(IntFunction<Doc> docs, Consumer<List<Pair>> group) {
    int[] parent = new int[positions];
    for (int i = 0; i < positions; i++) {
      parent[i] = i;
    }
    for (int p = 0; p < size; p++) {
      int x = root(parent, earlier[p]);
      int y = root(parent, later[p]);
      if (x != y) {
        parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
    // Pairs sorted by their group's root, so that each group's pairs are consecutive.
    long[] byGroup = new long[size];
    for (int p = 0; p < size; p++) {
      byGroup[p] = ((long) root(parent, earlier[p]) << 32) | p;
    }
    Arrays.sort(byGroup);
    int from = 0;
    while (from < size) {
      long groupRoot = byGroup[from] >>> 32;
      int to = from;
      while (to < size && byGroup[to] >>> 32 == groupRoot) {
        to++;
      }
      Map<Integer, Doc> read = new HashMap<>();
      List<Pair> pairs = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        int p = (int) byGroup[i];
        Doc a = read.computeIfAbsent(earlier[p], docs::apply);
        Doc b = read.computeIfAbsent(later[p], docs::apply);
        pairs.add(new Pair(a, b, scores[p], copies[p]));
      }
      group.accept(pairs);
      from = to;
    }
  }

  private static int root(int[] parent, int x) {
    int r = x;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[x] != r) { // path compression
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }
}
