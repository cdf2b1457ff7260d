package org.newsgraph.model;

/**
 * A map from {@code long} keys to {@code int} values in flat arrays (open addressing, linear
 * probing, filled to at most three quarters before it doubles): 17 to 35 bytes per entry instead of
 * the hundred or so of a {@code HashMap<Long, Integer>}, for the per-article tables an ingest of a
 * million records keeps. Not thread-safe.
 */
public final class LongIntMap {

  /** What {@link #get(long)} returns for an absent key. */
  public static final int ABSENT = Integer.MIN_VALUE;

  private long[] keys = new long[1024];
  private int[] values = new int[1024];
  private boolean[] used = new boolean[1024];
  private int size;

  /** An empty map. */
  public LongIntMap() {}

  /** The value of a key, or {@link #ABSENT}. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); used[slot]; slot = slot + 1 & mask) {
      if (keys[slot] == key) {
        return values[slot];
      }
    }
    return ABSENT;
  }

  /**
   * Maps a key to a value.
   *
   * @return the previous value, or {@link #ABSENT}
   */
  public int put(long key, int value) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    for (; used[slot]; slot = slot + 1 & mask) {
      if (keys[slot] == key) {
        int old = values[slot];
        values[slot] = value;
        return old;
      }
    }
    used[slot] = true;
    keys[slot] = key;
    values[slot] = value;
    if (++size * 4L > keys.length * 3L) {
      grow();
    }
    return ABSENT;
  }

  /** Adds one to a key's value, an absent key counting from zero. */
  public void increment(long key) {
    int was = get(key);
    put(key, was == ABSENT ? 1 : was + 1);
  }

  /** How many keys are mapped. */
  public int size() {
    return size;
  }

  /** What {@link #forEach} hands each entry to. */
  @FunctionalInterface
  public interface Entry {
    /** One key and its value. */
    void accept(long key, int value);
  }

  /** Hands every entry to {@code each}, in no particular order. */
  public void forEach(Entry each) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        each.accept(keys[i], values[i]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int slot = slot(oldKeys[i], mask);
        while (used[slot]) {
          slot = slot + 1 & mask;
        }
        used[slot] = true;
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ h >>> 32) & mask;
  }

  @Override
  public String toString() {
    return "LongIntMap[" + size + " entries]";
  }
}
