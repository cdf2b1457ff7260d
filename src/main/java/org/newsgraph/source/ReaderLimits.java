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

  /**
   * Inflates gzip bytes (a compressed feed, page or record) up to {@link #maxFileBytes}; other
   * bytes come back as they are.
   *
   * @param what names the input in the error ("compressed page")
   * @throws SourceException when the bytes inflate past the cap or are not valid gzip
   */
  public byte[] inflate(byte[] bytes, String what) {
    if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
      return bytes;
    }
    try (java.io.InputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
      if (out.length > maxFileBytes) {
        throw new SourceException(
            org.newsgraph.model.Position.START,
            what
                + " inflates to more than the limit of "
                + maxFileBytes
                + " bytes (raise it with --max-file-size)");
      }
      return out;
    } catch (java.io.IOException e) {
      throw new SourceException(
          org.newsgraph.model.Position.START, "cannot inflate gzip: " + e.getMessage());
    }
  }
}
