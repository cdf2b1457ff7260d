package org.newsgraph.story;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Computes the stories of a bulk load from the quads as they stream into the loader, so that the
 * story graphs are loaded in the same transaction as the records instead of being written into the
 * finished store afterwards (which, at a million records, copies most of an index per transaction).
 * The result equals what {@link StoryIndex#rebuild()} computes from the loaded store.
 *
 * <p>Memory is kept small for the scale it serves: every article IRI this scheme mints is {@code
 * {base}article/} and 16 hex digits, so an article is held as a {@code long} in open-addressing
 * arrays, with its union-find parent, its earliest and latest publication time (lexical form, as
 * bytes) and its publisher (an index into the few publishers), about 100 bytes per article; and
 * every link as one {@code long} (the two ends' ids), to count each member's distinct citers. A
 * related link between nodes of another form makes the result {@linkplain #complete() incomplete}:
 * the caller then rebuilds from the store. Not thread-safe: fed by the one writer.
 */
public final class BulkStories {

  private final StoryNames names;
  private final String articlePrefix;
  private boolean complete = true;

  // id -> data, grown together
  private long[] keys = new long[1024];
  private int[] parent = new int[1024];
  private int[] size = new int[1024];
  private int[] firstDate = new int[1024]; // offsets into dates, NONE when no date yet
  private int[] lastDate = new int[1024];
  private final Lexicals dates = new Lexicals();
  private int[] publisher = new int[1024];
  private int count;
  private final LongIntMap ids = new LongIntMap();
  private final Map<Integer, Set<Integer>> morePublishers = new HashMap<>();
  private final Map<Node, Integer> publisherIds = new HashMap<>();
  // every link as (cited id << 32 | citing id), sorted at emit to count distinct citers
  private long[] edges = new long[1024];
  private int edgeCount;
  private final List<Node> publishers = new ArrayList<>();

  /** Stories over every link, of articles named under a factory's base. */
  public BulkStories(IriFactory iris) {
    this(iris, StoryKind.ALL);
  }

  /** One kind of story, of articles named under a factory's base. */
  public BulkStories(IriFactory iris, StoryKind kind) {
    this.names = new StoryNames(iris, kind);
    this.articlePrefix = iris.base() + "article/";
  }

  /**
   * Takes note of one loaded quad: related and same-story links, publication times and publishers.
   */
  public void accept(Quad quad) {
    Node p = quad.getPredicate();
    if (p.equals(NewsVocab.RELATED) || p.equals(NewsVocab.SAME_STORY) && names.kind().inferred()) {
      link(quad.getSubject(), quad.getObject());
    } else if (p.equals(NewsVocab.SCHEMA_DATE_PUBLISHED)) {
      date(quad.getSubject(), quad.getObject());
    } else if (p.equals(NewsVocab.SCHEMA_PUBLISHER)) {
      publisher(quad.getSubject(), quad.getObject());
    }
  }

  /** False when a link or fact could not be held in this compact form: rebuild from the store. */
  public boolean complete() {
    return complete;
  }

  /** How many articles are held. */
  public int articles() {
    return count;
  }

  /**
   * Sends the story graphs to a sink as quads, one graph per connected component of at least two
   * articles, with the same content {@link StoryIndex} writes.
   *
   * @return how many stories were sent
   * @throws IllegalStateException when not {@link #complete()}
   */
  public int emit(StreamRDF sink) {
    if (!complete) {
      throw new IllegalStateException(
          "the stories of this load cannot be computed from the stream");
    }
    int[] citations = citations();
    int[] root = new int[count];
    int[] members = new int[count + 1];
    for (int id = 0; id < count; id++) {
      root[id] = find(id);
      members[root[id]]++;
    }
    // counting sort of ids by root: start[r] .. start[r] + members[r]
    int[] start = new int[count + 1];
    for (int r = 0, at = 0; r < count; r++) {
      start[r] = at;
      at += members[r];
    }
    int[] order = new int[count];
    int[] fill = Arrays.copyOf(start, count);
    for (int id = 0; id < count; id++) {
      order[fill[root[id]]++] = id;
    }
    int stories = 0;
    for (int r = 0; r < count; r++) {
      if (members[r] < 2) {
        continue;
      }
      List<Node> group = new ArrayList<>(members[r]);
      Map<Node, StorySummary.MemberFacts> facts = new HashMap<>();
      Map<Node, Integer> cited = new HashMap<>();
      for (int i = start[r]; i < start[r] + members[r]; i++) {
        int id = order[i];
        Node article = NodeFactory.createURI(articlePrefix + IriFactory.keyText(keys[id]));
        group.add(article);
        facts.put(article, facts(id));
        if (citations[id] > 0) {
          cited.put(article, citations[id]);
        }
      }
      Node story = names.story(group);
      Node graph = names.graphOf(story);
      for (Triple t : StorySummary.of(story, group, facts, cited).triples(names.kind())) {
        sink.quad(Quad.create(graph, t));
      }
      stories++;
    }
    return stories;
  }

  /**
   * Per article id, how many distinct other articles link to it: the links sorted by cited, then
   * citing, so that a link stated in several graphs counts once.
   */
  private int[] citations() {
    Arrays.sort(edges, 0, edgeCount); // in place: no second copy of the links
    int[] out = new int[count];
    for (int i = 0; i < edgeCount; i++) {
      if (i == 0 || edges[i] != edges[i - 1]) {
        out[(int) (edges[i] >>> 32)]++;
      }
    }
    return out;
  }

  private StorySummary.MemberFacts facts(int id) {
    Set<Node> dates = new HashSet<>(2);
    if (firstDate[id] != Lexicals.NONE) {
      dates.add(dateNode(firstDate[id]));
      dates.add(dateNode(lastDate[id]));
    }
    Set<Node> pubs = new HashSet<>(2);
    if (publisher[id] >= 0) {
      pubs.add(publishers.get(publisher[id]));
      for (int more : morePublishers.getOrDefault(id, Set.of())) {
        pubs.add(publishers.get(more));
      }
    }
    return new StorySummary.MemberFacts(dates, pubs);
  }

  private void link(Node citing, Node cited) {
    if (citing.equals(cited)) {
      return; // the store-based rebuild ignores a record citing itself too
    }
    long a = key(citing);
    long b = key(cited);
    if (a == -1 || b == -1) {
      // Only when the IRI is not a minted article IRI; -1 itself never is (see key).
      complete = false;
      return;
    }
    int citingId = id(a);
    int citedId = id(b);
    union(citingId, citedId);
    if (edgeCount == edges.length) {
      edges = Arrays.copyOf(edges, Math.max(1024, edgeCount * 2));
    }
    edges[edgeCount++] = (long) citedId << 32 | citingId;
  }

  private void date(Node subject, Node value) {
    long k = key(subject);
    if (k == -1) {
      return; // not an article this scheme names: never a story member
    }
    if (!value.isLiteral()
        || !XSDDatatype.XSDdateTime.getURI().equals(value.getLiteralDatatypeURI())) {
      complete = false;
      return;
    }
    int id = id(k);
    String lexical = value.getLiteralLexicalForm();
    if (firstDate[id] == Lexicals.NONE) {
      int at = this.dates.add(lexical);
      if (at == Lexicals.NONE) {
        complete = false; // not a date's lexical form, or more than the pool can hold
        return;
      }
      firstDate[id] = at;
      lastDate[id] = at;
      return;
    }
    if (!this.dates.holds(firstDate[id], lexical)
        && StorySummary.compare(value, dateNode(firstDate[id])) < 0) {
      firstDate[id] = addOrGiveUp(lexical, firstDate[id]);
    }
    if (!this.dates.holds(lastDate[id], lexical)
        && StorySummary.compare(value, dateNode(lastDate[id])) > 0) {
      lastDate[id] = addOrGiveUp(lexical, lastDate[id]);
    }
  }

  private int addOrGiveUp(String lexical, int old) {
    int at = dates.add(lexical);
    if (at == Lexicals.NONE) {
      complete = false;
      return old;
    }
    return at;
  }

  private void publisher(Node subject, Node value) {
    long k = key(subject);
    if (k == -1) {
      return;
    }
    int id = id(k);
    int pub =
        publisherIds.computeIfAbsent(
            value,
            v -> {
              publishers.add(v);
              return publishers.size() - 1;
            });
    if (publisher[id] < 0) {
      publisher[id] = pub;
    } else if (publisher[id] != pub) {
      morePublishers.computeIfAbsent(id, x -> new HashSet<>(2)).add(pub);
    }
  }

  private Node dateNode(int at) {
    return NodeFactory.createLiteralDT(dates.get(at), XSDDatatype.XSDdateTime);
  }

  /**
   * The lexical forms of the dates, appended to pages of 1 MB (a length byte, then UTF-8) and named
   * by their offset: some 21 bytes a date instead of the 40 to 70 of a byte array each, which is
   * what keeps a million articles' first and last dates, for two kinds of story, small.
   */
  private static final class Lexicals {
    static final int NONE = -1;
    private static final int PAGE = 1 << 20;
    private final List<byte[]> pages = new ArrayList<>();
    private int used = PAGE;

    /** Appends a lexical form; NONE when it is too long for a date or the pool is full. */
    int add(String lexical) {
      byte[] utf8 = lexical.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > 255) {
        return NONE;
      }
      if (used + 1 + utf8.length > PAGE) {
        if ((long) (pages.size() + 1) * PAGE > Integer.MAX_VALUE) {
          return NONE;
        }
        pages.add(new byte[PAGE]);
        used = 0;
      }
      byte[] page = pages.get(pages.size() - 1);
      int at = (pages.size() - 1) * PAGE + used;
      page[used] = (byte) utf8.length;
      System.arraycopy(utf8, 0, page, used + 1, utf8.length);
      used += 1 + utf8.length;
      return at;
    }

    String get(int at) {
      byte[] page = pages.get(at / PAGE);
      int offset = at % PAGE;
      return new String(page, offset + 1, page[offset] & 0xff, StandardCharsets.UTF_8);
    }

    boolean holds(int at, String lexical) {
      return get(at).equals(lexical);
    }
  }

  /** The 64 bits of a minted article IRI, or -1 (see {@link IriFactory#keyBits}). */
  private long key(Node node) {
    return node.isURI() ? IriFactory.keyBits(node.getURI(), articlePrefix) : -1;
  }

  /** The id of an article key, added when new. */
  private int id(long key) {
    int known = ids.get(key);
    if (known != LongIntMap.ABSENT) {
      return known;
    }
    if (count == keys.length) {
      grow();
    }
    int id = count++;
    keys[id] = key;
    parent[id] = id;
    size[id] = 1;
    firstDate[id] = Lexicals.NONE;
    lastDate[id] = Lexicals.NONE;
    publisher[id] = -1;
    ids.put(key, id);
    return id;
  }

  private void grow() {
    int n = keys.length * 2;
    keys = Arrays.copyOf(keys, n);
    parent = Arrays.copyOf(parent, n);
    size = Arrays.copyOf(size, n);
    firstDate = Arrays.copyOf(firstDate, n);
    lastDate = Arrays.copyOf(lastDate, n);
    publisher = Arrays.copyOf(publisher, n);
  }

  private int find(int id) {
    int current = id;
    while (parent[current] != current) {
      parent[current] = parent[parent[current]];
      current = parent[current];
    }
    return current;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (size[ra] < size[rb]) {
      int swap = ra;
      ra = rb;
      rb = swap;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
  }
}
