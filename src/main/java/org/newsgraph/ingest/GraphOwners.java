package org.newsgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.newsgraph.map.IriFactory;
import org.newsgraph.model.LongIntMap;

/**
 * Which file of the current run wrote each record graph, to notice two files describing one
 * article. Kept for every graph a run writes, so it is compact: an article's graph, named {@code
 * {base}graph/article/} and 16 hex digits, is held as a {@code long}, and file names as UTF-8 in one
 * growing array (about 90 bytes per file instead of the 280 of a {@code HashMap<Node, String>}).
 * Not thread-safe: used by the one writer.
 */
final class GraphOwners {

  private final String articleGraphs;
  private final LongIntMap minted = new LongIntMap();
  private final Map<Node, Integer> other = new HashMap<>();
  private byte[] names = new byte[1 << 16];
  private int[] ends = new int[1024];
  private int fileCount;
  private int used;
  private String lastName;

  /**
   * @param articleGraphPrefix the IRI prefix of article record graphs ({@code {base}graph/article/})
   */
  GraphOwners(String articleGraphPrefix) {
    this.articleGraphs = articleGraphPrefix;
  }

  /**
   * Records that a file wrote a graph.
   *
   * @return the name of the file that wrote it earlier in this run, or null
   */
  String put(Node graph, String fileName) {
    int file = file(fileName);
    long key = key(graph);
    int earlier = key != -1 ? minted.put(key, file) : orAbsent(other.put(graph, file));
    return earlier == LongIntMap.ABSENT ? null : name(earlier);
  }

  /** True when a file of this run wrote the graph. */
  boolean contains(Node graph) {
    long key = key(graph);
    return key != -1 ? minted.get(key) != LongIntMap.ABSENT : other.containsKey(graph);
  }

  /** The 64 bits of an article graph's key, or -1 for any other graph (kept in the map). */
  private long key(Node graph) {
    return graph.isURI() ? IriFactory.keyBits(graph.getURI(), articleGraphs) : -1;
  }

  private static int orAbsent(Integer value) {
    return value == null ? LongIntMap.ABSENT : value;
  }

  /** The number of a file name, the last one reused (a file writes all its graphs in a row). */
  private int file(String name) {
    if (name.equals(lastName)) {
      return fileCount - 1;
    }
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    while (used + bytes.length > names.length) {
      names = Arrays.copyOf(names, names.length * 2);
    }
    System.arraycopy(bytes, 0, names, used, bytes.length);
    used += bytes.length;
    if (fileCount == ends.length) {
      ends = Arrays.copyOf(ends, ends.length * 2);
    }
    ends[fileCount] = used;
    lastName = name;
    return fileCount++;
  }

  private String name(int file) {
    int start = file == 0 ? 0 : ends[file - 1];
    return new String(names, start, ends[file] - start, StandardCharsets.UTF_8);
  }
}
