package org.newsgraph.infer;

import java.util.Arrays;

/**
 * Where the profiles of a file are: each entry's article key, publication time and byte offset, in
 * the order they were added, in three growing arrays (24 bytes an article). Not thread-safe.
 */
final class ProfileIndex {

  private long[] keys = new long[1024];
  private long[] times = new long[1024];
  private long[] offsets = new long[1024];
  private int size;

  /** Appends an entry. */
  void add(long key, long time, long offset) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      times = Arrays.copyOf(times, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
    }
    keys[size] = key;
    times[size] = time;
    offsets[size] = offset;
    size++;
  }

  int size() {
    return size;
  }

  long key(int i) {
    return keys[i];
  }

  long time(int i) {
    return times[i];
  }

  long offset(int i) {
    return offsets[i];
  }
}
