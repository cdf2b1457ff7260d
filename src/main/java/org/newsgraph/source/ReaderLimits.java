package org.newsgraph.source;

/**
 * Limits that keep hostile or broken input from exhausting memory or time. The defaults are far
 * above any real record (the largest record seen in real data is under 20 KB).
 *
 * @param maxFileBytes files larger than this are refused before they are read
 * @param maxAliases the most aliases a document may use
 * @param maxDepth the deepest nesting of mappings and lists
 */
public record ReaderLimits(long maxFileBytes, int maxAliases, int maxDepth) {

  /** 8 MiB per file, 50 aliases, nesting depth 50. */
  public static final ReaderLimits DEFAULT = new ReaderLimits(8L * 1024 * 1024, 50, 50);

  /** Validates that every limit is positive. */
  public ReaderLimits {
    if (maxFileBytes <= 0 || maxAliases < 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
