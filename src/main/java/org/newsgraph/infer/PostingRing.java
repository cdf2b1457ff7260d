package org.newsgraph.infer;

/**
 * A term's occurrences in a window of articles, oldest first, as a ring of article numbers and the
 * term's weights there, and the largest weight it has had since the ring was last empty (an upper
 * bound of the window's largest). Articles leave in the order they came. Not thread-safe.
 */
final class PostingRing {
  long[] ids = new long[4];
  float[] weights = new float[4];
  int head;
  int size;
  float max;

  /** Adds an article's occurrence, after every one already held. */
  void add(long id, float weight) {
    if (size == ids.length) {
      long[] i = new long[size * 2];
      float[] w = new float[size * 2];
      for (int k = 0; k < size; k++) {
        i[k] = ids[(head + k) % size];
        w[k] = weights[(head + k) % size];
      }
      ids = i;
      weights = w;
      head = 0;
    }
    int at = (head + size) % ids.length;
    ids[at] = id;
    weights[at] = weight;
    size++;
    max = Math.max(max, weight);
  }

  /** Removes the oldest occurrence. */
  void removeOldest() {
    head = (head + 1) % ids.length;
    size--;
  }
}
