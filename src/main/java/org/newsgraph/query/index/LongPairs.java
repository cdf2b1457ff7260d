package org.newsgraph.query.index;

import java.util.Arrays;

/**
 * A growing list of {@code (long, long)} pairs in two flat arrays (16 bytes a pair), sorted in
 * place by the first then the second value, duplicates dropped: how the index functions group what
 * an index gives in another order (the articles of every topic, grouped by article). Not
 * thread-safe.
 */
final class LongPairs {

  private long[] firsts = new long[1024];
  private long[] seconds = new long[1024];
  private int size;

  /** Appends a pair. */
  void add(long first, long second) {
    if (size == firsts.length) {
      int grown = Math.addExact(size, size >> 1);
      firsts = Arrays.copyOf(firsts, grown);
      seconds = Arrays.copyOf(seconds, grown);
    }
    firsts[size] = first;
    seconds[size] = second;
    size++;
  }

  int size() {
    return size;
  }

  long first(int i) {
    return firsts[i];
  }

  long second(int i) {
    return seconds[i];
  }

  /** The index of the first pair with this first value, sorted; -1 when there is none. */
  int firstIndexOf(long first) {
    int low = 0;
    int high = size - 1;
    int found = -1;
    while (low <= high) {
      int mid = low + high >>> 1;
      if (firsts[mid] < first) {
        low = mid + 1;
      } else {
        if (firsts[mid] == first) {
          found = mid;
        }
        high = mid - 1;
      }
    }
    return found;
  }

  /** Sorts the pairs (signed order of the first value, then of the second) and drops repeats. */
  void sortDistinct() {
    sort(0, size - 1);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept == 0 || firsts[i] != firsts[kept - 1] || seconds[i] != seconds[kept - 1]) {
        firsts[kept] = firsts[i];
        seconds[kept] = seconds[i];
        kept++;
      }
    }
    size = kept;
  }

  private void sort(int low, int high) {
    while (high - low > 16) {
      int mid = low + (high - low >>> 1);
      long pivotFirst = firsts[mid];
      long pivotSecond = seconds[mid];
      int i = low;
      int j = high;
      while (i <= j) {
        while (compare(i, pivotFirst, pivotSecond) < 0) {
          i++;
        }
        while (compare(j, pivotFirst, pivotSecond) > 0) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
      if (j - low < high - i) {
        sort(low, j);
        low = i;
      } else {
        sort(i, high);
        high = j;
      }
    }
    for (int i = low + 1; i <= high; i++) {
      for (int k = i; k > low && compare(k - 1, firsts[k], seconds[k]) > 0; k--) {
        swap(k - 1, k);
      }
    }
  }

  private int compare(int i, long first, long second) {
    int c = Long.compare(firsts[i], first);
    return c != 0 ? c : Long.compare(seconds[i], second);
  }

  private void swap(int i, int j) {
    long f = firsts[i];
    firsts[i] = firsts[j];
    firsts[j] = f;
    long s = seconds[i];
    seconds[i] = seconds[j];
    seconds[j] = s;
  }
}
