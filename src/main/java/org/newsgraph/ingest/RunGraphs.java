package org.newsgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.IriFactory;

/**
 * What the current run knows of each record graph it met: which files of the run described it, how
 * many descriptions it had, whether it was written at once or left for the merge at the end, and,
 * for a bulk load, which description wins (its {@link Description.Precedence}) and what the first
 * one said of the publication time and provider (to report conflicting descriptions).
 *
 * <p>Kept for every graph a run meets, so it is compact: an article graph ({@code
 * {base}graph/article/} and 16 hex digits) is held by the 64 bits of its key, every field in
 * parallel arrays (about 70 bytes per article), file paths as UTF-8 in one growing array. Other
 * record graphs (topics, tags, organizations: few) are held by their node. Not thread-safe: used by
 * the one writer.
 */
final class RunGraphs {

  /** The graph was written in full while the run went on. */
  static final int WRITTEN = 1;

  /** The graph is merged at the end of the run. */
  static final int DEFERRED = 2;

  /** A conflict between its descriptions was reported. */
  static final int CONFLICT = 4;

  /** Its winning description is an API page item. */
  static final int WINNER_PAGE_ITEM = 8;

  /** Its winning description is a feed item. */
  static final int WINNER_FEED_ITEM = 16;

  /** A file that described it stopped describing it (changed, or gone with {@code --prune}). */
  static final int RETIRED = 32;

  private final String articlePrefix;
  private final LongIntMap articleSlots = new LongIntMap();
  private final Map<Node, Integer> otherSlots = new HashMap<>();
  private final Map<Integer, Node> otherNodes = new HashMap<>();
  private static final int[] NONE = new int[0];
  private final Map<Integer, int[]> moreFiles = new HashMap<>();
  private final Map<String, Integer> providers = new HashMap<>();
  private final List<String> providerNames = new ArrayList<>();
  private final Paths paths = new Paths();
  private final Map<Integer, String> conflicts = new HashMap<>();

  private int size;
  private long[] keys = new long[1024];
  private int[] firstFile = new int[1024];
  private int[] descriptions = new int[1024];
  private byte[] flags = new byte[1024];
  private long[] published = new long[1024];
  private int[] provider = new int[1024];
  private int[] winnerSeq = new int[1024];
  private long[] winnerModified = new long[1024];
  private int[] winnerFile = new int[1024];
  private int[] winnerLine = new int[1024];
  private int[] winnerColumn = new int[1024];

  /**
   * @param articleGraphPrefix the IRI prefix of article graphs, {@code {base}graph/article/}
   */
  RunGraphs(String articleGraphPrefix) {
    this.articlePrefix = articleGraphPrefix;
  }

  /**
   * The number of a file path of this run (the last one is reused: a file's graphs come in a row).
   */
  int file(String path) {
    return paths.id(path);
  }

  /** The path of a file number. */
  String path(int file) {
    return paths.path(file);
  }

  /** The slot of a graph, or -1 when the run has not met it. */
  int slot(Node graph) {
    long key = key(graph);
    if (key != -1) {
      int slot = articleSlots.get(key);
      return slot == LongIntMap.ABSENT ? -1 : slot;
    }
    Integer slot = otherSlots.get(graph);
    return slot == null ? -1 : slot;
  }

  /**
   * Records that a file of the run describes a graph (once per file, whatever the number of its
   * descriptions), creating the graph's slot when new.
   *
   * @return the slot
   */
  int describedBy(Node graph, int file, int count) {
    int slot = slot(graph);
    if (slot < 0) {
      slot = newSlot(graph);
      firstFile[slot] = file;
    } else if (firstFile[slot] == -1) {
      firstFile[slot] = file;
    } else if (firstFile[slot] != file
        && !Arrays.stream(moreFiles.getOrDefault(slot, NONE)).anyMatch(f -> f == file)) {
      int[] more = moreFiles.get(slot);
      int[] grown = more == null ? new int[1] : Arrays.copyOf(more, more.length + 1);
      grown[grown.length - 1] = file;
      moreFiles.put(slot, grown);
    }
    descriptions[slot] += count;
    return slot;
  }

  /** Marks a graph for the merge at the end of the run, creating its slot when new. */
  void defer(Node graph) {
    int slot = slot(graph);
    if (slot < 0) {
      slot = newSlot(graph);
      firstFile[slot] = -1;
    }
    set(slot, DEFERRED);
  }

  /** True when a file other than {@code file} described the graph in this run. */
  boolean describedByOther(int slot, int file) {
    return firstFile[slot] != file || moreFiles.containsKey(slot);
  }

  /** The files of this run that described a graph, in the order they came. */
  List<Integer> filesOf(int slot) {
    List<Integer> files = new ArrayList<>(2);
    if (firstFile[slot] != -1) {
      files.add(firstFile[slot]);
    }
    int[] more = moreFiles.get(slot);
    if (more != null) {
      for (int f : more) {
        files.add(f);
      }
    }
    return files;
  }

  /** The number of descriptions the run gave a graph. */
  int descriptions(int slot) {
    return descriptions[slot];
  }

  boolean has(int slot, int flag) {
    return (flags[slot] & flag) != 0;
  }

  void set(int slot, int flag) {
    flags[slot] |= (byte) flag;
  }

  /** The graph of a slot. */
  Node graph(int slot) {
    long key = keys[slot];
    if (key == -1) {
      return otherNodes.get(slot);
    }
    return NodeFactory.createURI(articlePrefix + IriFactory.keyText(key));
  }

  /** Calls {@code sink} with every slot that has {@code flag}, in the order the graphs were met. */
  void forEach(int flag, Consumer<Integer> sink) {
    for (int slot = 0; slot < size; slot++) {
      if (has(slot, flag)) {
        sink.accept(slot);
      }
    }
  }

  /** Every slot, in the order the graphs were met. */
  int size() {
    return size;
  }

  /**
   * Notes what a description says that must agree across descriptions: the first description's
   * values are kept; a later one that disagrees gives a conflict text (once per graph).
   *
   * @return "publication time … in X, … in Y" or "provider … in X, … in Y", or null
   */
  String conflict(int slot, Description d, int file, boolean first) {
    long time = d.published();
    int prov = d.provider() == null ? -1 : providerId(d.provider());
    if (first) {
      published[slot] = time;
      provider[slot] = prov;
      return null;
    }
    if (has(slot, CONFLICT)) {
      return null;
    }
    String text =
        Merge.disagreement(
            published[slot],
            provider[slot] == -1 ? null : providerNames.get(provider[slot]),
            path(firstFile[slot]),
            time,
            d.provider(),
            path(file));
    if (text != null) {
      set(slot, CONFLICT);
      conflicts.put(slot, text);
    }
    return text;
  }

  /**
   * Offers a description as the winner of its graph (bulk load): it wins when the graph has none
   * yet or when it ranks before the current one.
   *
   * @return true when it is now the winner
   */
  boolean offerWinner(int slot, int seq, int file, Description.Precedence p, boolean first) {
    if (!first && current(slot).compareTo(p) <= 0) {
      return false;
    }
    winnerSeq[slot] = seq;
    winnerModified[slot] = p.modified();
    winnerFile[slot] = file;
    winnerLine[slot] = p.line();
    winnerColumn[slot] = p.column();
    flags[slot] =
        (byte) (p.pageItem() ? flags[slot] | WINNER_PAGE_ITEM : flags[slot] & ~WINNER_PAGE_ITEM);
    flags[slot] =
        (byte) (p.feedItem() ? flags[slot] | WINNER_FEED_ITEM : flags[slot] & ~WINNER_FEED_ITEM);
    return true;
  }

  /** The sequence number of the winning description of a graph (bulk load). */
  int winnerSeq(int slot) {
    return winnerSeq[slot];
  }

  /** The disagreement reported between a graph's descriptions in this run, or null. */
  String conflictText(int slot) {
    return conflicts.get(slot);
  }

  /** The publication time the run's first description of a graph gave (see {@link #conflict}). */
  long firstPublished(int slot) {
    return published[slot];
  }

  /** The provider domain the run's first description of a graph gave, or null. */
  String firstProvider(int slot) {
    return provider[slot] == -1 ? null : providerNames.get(provider[slot]);
  }

  /** The path of the file of the run's first description of a graph, or null. */
  String firstPath(int slot) {
    return firstFile[slot] == -1 ? null : path(firstFile[slot]);
  }

  /** The rank of the winning description of a graph (bulk load). */
  Description.Precedence winner(int slot) {
    return current(slot);
  }

  private Description.Precedence current(int slot) {
    return new Description.Precedence(
        winnerModified[slot],
        has(slot, WINNER_PAGE_ITEM),
        has(slot, WINNER_FEED_ITEM),
        path(winnerFile[slot]),
        winnerLine[slot],
        winnerColumn[slot]);
  }

  private int providerId(String domain) {
    String key = domain.toLowerCase(Locale.ROOT);
    Integer id = providers.get(key);
    if (id == null) {
      id = providerNames.size();
      providers.put(key, id);
      providerNames.add(key);
    }
    return id;
  }

  private int newSlot(Node graph) {
    if (size == keys.length) {
      int n = size * 2;
      keys = Arrays.copyOf(keys, n);
      firstFile = Arrays.copyOf(firstFile, n);
      descriptions = Arrays.copyOf(descriptions, n);
      flags = Arrays.copyOf(flags, n);
      published = Arrays.copyOf(published, n);
      provider = Arrays.copyOf(provider, n);
      winnerSeq = Arrays.copyOf(winnerSeq, n);
      winnerModified = Arrays.copyOf(winnerModified, n);
      winnerFile = Arrays.copyOf(winnerFile, n);
      winnerLine = Arrays.copyOf(winnerLine, n);
      winnerColumn = Arrays.copyOf(winnerColumn, n);
    }
    int slot = size++;
    long key = key(graph);
    keys[slot] = key;
    if (key != -1) {
      articleSlots.put(key, slot);
    } else {
      otherSlots.put(graph, slot);
      otherNodes.put(slot, graph);
    }
    return slot;
  }

  /** The 64 bits of an article graph's key, or -1 for any other graph. */
  private long key(Node graph) {
    return graph.isURI() ? IriFactory.keyBits(graph.getURI(), articlePrefix) : -1;
  }

  /** File paths by number, as UTF-8 in one array. */
  private static final class Paths {
    private byte[] bytes = new byte[1 << 16];
    private int[] ends = new int[1024];
    private int count;
    private int used;
    private String last;

    int id(String path) {
      if (path.equals(last)) {
        return count - 1;
      }
      byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
      while (used + utf8.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      System.arraycopy(utf8, 0, bytes, used, utf8.length);
      used += utf8.length;
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count] = used;
      last = path;
      return count++;
    }

    String path(int id) {
      int start = id == 0 ? 0 : ends[id - 1];
      return new String(bytes, start, ends[id] - start, StandardCharsets.UTF_8);
    }
  }
}
