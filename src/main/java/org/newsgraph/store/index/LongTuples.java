package org.newsgraph.store.index;

import java.util.Arrays;

/**
 * A growing list of tuples of {@code long}s, all of one width, in one flat array (8 bytes a value),
 * sorted in place by their values in column order, duplicates dropped: how the index functions
 * group what an index gives in another order (the topics of each article, the providers each graph
 * names). Not thread-safe.
 */
final class LongTuples {

  private final int width;
  private long[] values;
  private int size;

  LongTuples(int width) {
    this.width = width;
    this.values = new long[1024 * width];
  }

  /** Appends a pair; the list's width is 2. */
  void add(long a, long b) {
    int at = grow();
    values[at] = a;
    values[at + 1] = b;
  }

  /** Appends a triple; the list's width is 3. */
  void add(long a, long b, long c) {
    int at = grow();
    values[at] = a;
    values[at + 1] = b;
    values[at + 2] = c;
  }

  private int grow() {
    if ((size + 1) * width > values.length) {
      values = Arrays.copyOf(values, Math.multiplyExact(Math.addExact(size, size >> 1), width));
    }
    return size++ * width;
  }

  int size() {
    return size;
  }

  /** Value {@code column} of tuple {@code i}. */
  long get(int i, int column) {
    return values[i * width + column];
  }

  long first(int i) {
    return values[i * width];
  }

  long second(int i) {
    return values[i * width + 1];
  }

  /** Sorts the tuples (signed order, column by column) and drops repeats. */
  void sortDistinct() {
    sort(0, size - 1);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept == 0 || compare(i, kept - 1) != 0) {
        System.arraycopy(values, i * width, values, kept * width, width);
        kept++;
      }
    }
    size = kept;
  }

  /**
   * The index of the first tuple that begins with the given values, sorted; -1 when there is none.
   */
  int indexOf(long... prefix) {
    int low = 0;
    int high = size - 1;
    int found = -1;
    while (low <= high) {
      int mid = low + high >>> 1;
      int c = comparePrefix(mid, prefix);
      if (c < 0) {
        low = mid + 1;
      } else {
        if (c == 0) {
          found = mid;
        }
        high = mid - 1;
      }
    }
    return found;
  }

  /** Whether tuple {@code i} (within the list) begins with the given values. */
  boolean startsWith(int i, long... prefix) {
    return i < size && comparePrefix(i, prefix) == 0;
  }

  private int comparePrefix(int i, long[] prefix) {
    for (int c = 0; c < prefix.length; c++) {
      int order = Long.compare(values[i * width + c], prefix[c]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private int compare(int i, int j) {
    for (int c = 0; c < width; c++) {
      int order = Long.compare(values[i * width + c], values[j * width + c]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private void sort(int low, int high) {
    long[] pivot = new long[width];
    while (high - low > 16) {
      System.arraycopy(values, (low + (high - low >>> 1)) * width, pivot, 0, width);
      int i = low;
      int j = high;
      while (i <= j) {
        while (comparePrefix(i, pivot) < 0) {
          i++;
        }
        while (comparePrefix(j, pivot) > 0) {
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
      for (int k = i; k > low && compare(k - 1, k) > 0; k--) {
        swap(k - 1, k);
      }
    }
  }

  private void swap(int i, int j) {
    for (int c = 0; c < width; c++) {
      long v = values[i * width + c];
      values[i * width + c] = values[j * width + c];
      values[j * width + c] = v;
    }
  }
}
