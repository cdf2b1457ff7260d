package org.newsgraph.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreBatch;
import org.newsgraph.store.ValuesQuery;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Keeps a store's inferred links in step with its records. Each similar pair of articles (see
 * {@link PairFinder}) is one graph {@code {base}graph/similarity/{key}-{key}} holding a {@code
 * news:Similarity} node with the two articles and the score, and, when {@link StoryRule} keeps the
 * pair, {@code news:sameStory} both ways; a copy's {@code news:copyOf} to the earliest of its group
 * is in the graph of that pair. The method and its settings are the node {@code {base}inference} in
 * {@code {base}graph/inference}.
 *
 * <p>Only articles with a record of their own and a publication time take part; their text is what
 * their own record graph says (headline, excerpt, body). Since a pair's score depends on its two
 * articles alone and the story rule on the pairs of one connected group, an update recomputes the
 * pairs of the changed articles against their window and the rule for the groups they touch: the
 * result equals a full {@link #rebuild()}.
 *
 * <p>On a store with a folder of its own the articles' text profiles are kept beside it ({@link
 * ProfileFile}), named by a token the metadata graph records with the links, so that an update
 * reads and analyses the texts of the changed articles only; elsewhere, or when the file is missing
 * or stale, an update first profiles every article from the store. Not thread-safe.
 */
public final class InferredLinks {

  private static final int WRITE_BATCH = 2000;
  private static final int READ_BATCH = 1000;
  private static final String PREFIXES =
      "PREFIX news: <https://w3id.org/newsgraph/ns#>\n"
          + "PREFIX schema: <http://schema.org/>\n"
          + "PREFIX dcterms: <http://purl.org/dc/terms/>\n";
  private static final Var A = Var.alloc("a");
  private static final Var G = Var.alloc("g");
  private static final Var D = Var.alloc("d");
  private static final Var H = Var.alloc("h");
  private static final Var E = Var.alloc("e");
  private static final Var T = Var.alloc("t");
  private static final Var OTHER = Var.alloc("other");
  private static final Query DATES =
      QueryFactory.create(
          PREFIXES + "SELECT ?g ?a ?d WHERE { GRAPH ?g { ?a schema:datePublished ?d } }");
  private static final Query TEXTS =
      QueryFactory.create(
          PREFIXES
              + "SELECT ?a ?d ?h ?e ?t WHERE { BIND (IRI(REPLACE(STR(?a), \"/article/([0-9a-f]{16})$\","
              + " \"/graph/article/$1\")) AS ?g) GRAPH ?g { ?a schema:datePublished ?d"
              + " OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:description ?e }"
              + " OPTIONAL { ?a schema:text ?t } } }");
  private static final Query NEIGHBOURS =
      QueryFactory.create(
          PREFIXES
              + "SELECT ?a ?other WHERE { ?s news:between ?a , ?other . FILTER (?other != ?a) }");
  private static final Query SAME_STORY =
      QueryFactory.create(
          PREFIXES
              + "SELECT ?a ?other WHERE { GRAPH ?g { ?a news:sameStory ?other } FILTER (?other !="
              + " ?a) }");
  private static final Query SIMILARITY_GRAPHS =
      QueryFactory.create(PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?s a news:Similarity } }");
  private static final Query ANY =
      QueryFactory.create(
          PREFIXES
              + "ASK { { ?i a news:LinkInference } UNION { GRAPH ?g { ?s a news:Similarity } } }");
  private static final Query TOKEN =
      QueryFactory.create(
          PREFIXES + "SELECT ?t WHERE { GRAPH ?meta { ?i dcterms:identifier ?t } }");
  private static final Query SETTINGS =
      QueryFactory.create(
          PREFIXES
              + "SELECT ?d WHERE { GRAPH ?g { ?a a news:LinkInference ; dcterms:description ?d } }");

  private final GraphStore store;
  private final InferenceSettings settings;
  private final String base;
  private final String articlePrefix;
  private final Node inferenceGraph;
  private final Node metaGraph;
  private final Naming naming;
  private final Path profileDir;

  /** Links of a store whose IRIs are minted under a factory's base. */
  public InferredLinks(GraphStore store, IriFactory iris, InferenceSettings settings) {
    this.store = store;
    this.settings = settings;
    this.base = iris.base();
    this.articlePrefix = base + "article/";
    this.inferenceGraph = iris.systemGraph("inference");
    this.metaGraph = iris.systemGraph("meta");
    this.naming = new Naming(iris);
    this.profileDir = profileDirectory(store).orElse(null);
  }

  /** Where the text profiles of a store are kept: a folder in the store's own, if it has one. */
  public static Optional<Path> profileDirectory(GraphStore store) {
    return store.localDirectory().map(dir -> dir.resolve("inference"));
  }

  /** The settings links are inferred with. */
  public InferenceSettings settings() {
    return settings;
  }

  /**
   * What a run changed.
   *
   * @param articles the articles whose same-story links may have changed
   * @param written similarity graphs written
   * @param removed similarity graphs removed
   */
  public record Change(Set<Node> articles, int written, int removed) {}

  /** Whether the store's links were made with these settings (false when it holds none). */
  public boolean current() {
    String[] stored = {null};
    ValuesQuery.run(store, SETTINGS, row -> stored[0] = row.get(D).getLiteralLexicalForm());
    return settings.describe().equals(stored[0]);
  }

  /** Whether the store holds any inferred link or inference settings. */
  public boolean present() {
    return store.query(ANY, BindingFactory.empty(), exec -> exec.ask());
  }

  /** Removes every inferred link and the settings: inference switched off. */
  public Change clear() {
    Set<Node> graphs = similarityGraphs();
    List<Node> all = new ArrayList<>(graphs);
    all.add(inferenceGraph);
    for (int from = 0; from < all.size(); from += WRITE_BATCH) {
      store.deleteGraphs(all.subList(from, Math.min(all.size(), from + WRITE_BATCH)));
    }
    store.apply(
        new StoreBatch(List.of(), List.of(), metaGraph, List.of(naming.inference), List.of()));
    if (profileDir != null) {
      ProfileFile.removeAllBut(profileDir, null);
    }
    return new Change(Set.of(), 0, graphs.size());
  }

  /** Recomputes every link from the records, replacing what the store holds. */
  public Change rebuild() {
    Change cleared = clear();
    String token = newToken();
    Path dir = profileDir;
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("newsgraph-profiles");
      }
      PairGroups pairs = new PairGroups();
      LongIntMap positions = new LongIntMap();
      try (ProfileFile.Writer profiles = ProfileFile.create(dir, token, describe())) {
        PairFinder finder =
            new PairFinder(
                settings,
                p ->
                    pairs.add(
                        positions.get(key(p.earlier().iri())),
                        positions.get(key(p.later().iri())),
                        p.score(),
                        p.copy()));
        eachDoc(
            doc -> {
              positions.put(key(doc.iri()), profiles.count());
              profiles.add(key(doc.iri()), doc.time(), doc.profile());
              finder.add(doc);
            });
        profiles.finish();
      }
      Set<Node> articles = new HashSet<>();
      int written;
      try (ProfileFile file = reopen(dir, token)) {
        GraphWriter out = new GraphWriter(token);
        pairs.eachGroup(
            at ->
                new Doc(
                    articlePrefix + IriFactory.keyText(file.key(at)),
                    file.time(at),
                    file.profile(at)),
            group -> {
              out.write(group, StoryRule.apply(group, settings.threshold()));
              for (Pair p : group) {
                articles.add(NodeFactory.createURI(p.earlier().iri()));
                articles.add(NodeFactory.createURI(p.later().iri()));
              }
            });
        written = out.finish();
      }
      if (dir == profileDir) {
        ProfileFile.removeAllBut(dir, token);
      }
      return new Change(articles, written, cleared.removed());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the text profiles in " + dir, e);
    } finally {
      removeTemporary(dir);
    }
  }

  /** Every dated article of the store as a document, in publication order, from its texts. */
  private void eachDoc(Consumer<Doc> sink) {
    long[] keys = datedKeys();
    try (TextProfile.Builder profiles = settings.profiles()) {
      for (int from = 0; from < keys.length; from += READ_BATCH) {
        int to = Math.min(keys.length, from + READ_BATCH);
        List<Node> chunk = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          chunk.add(article(keys[i]));
        }
        List<Doc> docs = docs(chunk, profiles);
        docs.sort(null);
        docs.forEach(sink);
      }
    }
  }

  /**
   * Brings the links up to date after the records of some articles were written or removed.
   *
   * @param changed the articles whose own record changed, appeared or went
   */
  public Change update(Collection<Node> changed) {
    Set<Node> seeds = new HashSet<>();
    LongIntMap seedKeys = new LongIntMap();
    for (Node node : changed) {
      long k = node.isURI() ? IriFactory.keyBits(node.getURI(), articlePrefix) : -1;
      if (k != -1) {
        seeds.add(node);
        seedKeys.put(k, 1);
      }
    }
    if (seeds.isEmpty()) {
      return new Change(Set.of(), 0, 0);
    }
    Path dir = profileDir;
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("newsgraph-profiles");
      }
      ProfileFile before = dir == profileDir ? ProfileFile.open(dir, token(), describe()) : null;
      boolean profiledNow = before == null;
      if (profiledNow) {
        before = profileStore(dir);
      }
      List<Doc> changedDocs;
      try (TextProfile.Builder profiles = settings.profiles()) {
        changedDocs = docs(seeds, profiles);
      }
      addRepeats(before, seeds, seedKeys, changedDocs, profiledNow);
      changedDocs.sort(null);
      List<Doc> bereft = bereft(before, seeds, seedKeys);
      String token = newToken();
      List<Pair> fresh;
      try (ProfileFile old = before) {
        fresh = sweep(old, seedKeys, changedDocs, bereft, dir, token);
      }
      try (ProfileFile after = reopen(dir, token)) {
        Change change = regroup(seeds, fresh, after, token);
        if (dir == profileDir) {
          ProfileFile.removeAllBut(dir, token);
        }
        return change;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the text profiles in " + dir, e);
    } finally {
      removeTemporary(dir);
    }
  }

  /**
   * Adds to the changed articles every stored one whose exact text (its profile's fingerprint) a
   * changed article has now or had before: which of them is that text's first article, the only one
   * paired with others ({@link PairFinder}), may change with it. So every text a run touches is
   * paired again whole, and the texts it does not touch keep their first article. When the profiles
   * were just made from the store ({@code profiledNow}: no file was kept, or a remote store), the
   * changed articles' old texts are gone: the texts of their stored neighbours (the repeats that
   * were linked to them) stand in.
   */
  private void addRepeats(
      ProfileFile old,
      Set<Node> seeds,
      LongIntMap seedKeys,
      List<Doc> changedDocs,
      boolean profiledNow) {
    LongIntMap texts = new LongIntMap();
    for (Doc d : changedDocs) {
      long text = d.profile().fingerprint();
      if (text != 0) {
        texts.put(text, 1);
      }
    }
    List<Node> around = new ArrayList<>(seeds);
    if (profiledNow) {
      ValuesQuery.forChunks(store, NEIGHBOURS, A, seeds, row -> around.add(row.get(OTHER)));
    }
    for (Node node : around) {
      int at = node.isURI() ? old.position(key(node.getURI())) : -1;
      if (at >= 0 && old.fingerprint(at) != 0) {
        texts.put(old.fingerprint(at), 1);
      }
    }
    if (texts.size() == 0) {
      return;
    }
    for (int i = 0; i < old.size(); i++) {
      long text = old.fingerprint(i);
      long k = old.key(i);
      if (text != 0
          && texts.get(text) != LongIntMap.ABSENT
          && seedKeys.get(k) == LongIntMap.ABSENT) {
        seedKeys.put(k, 1);
        seeds.add(article(k));
        changedDocs.add(
            new Doc(articlePrefix + IriFactory.keyText(k), old.time(i), old.profile(i)));
      }
    }
  }

  /** Removes a temporary profile folder (one made for a store that has no folder of its own). */
  private void removeTemporary(Path dir) {
    if (dir != null && dir != profileDir) {
      ProfileFile.removeAllBut(dir, null);
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // a temporary folder
      }
    }
  }

  /**
   * The unchanged articles that a stored pair links to a changed one, as they were stored: each
   * keeps only its strongest pairs with earlier articles ({@link PairFinder}), so when a changed
   * article leaves those, the next strongest of its earlier candidates takes the place, which no
   * stored pair names. Those articles are searched again whole ({@link #sweep}). Only the first
   * article of a text is searched; a repeat pairs with its first alone.
   */
  private List<Doc> bereft(ProfileFile old, Set<Node> seeds, LongIntMap seedKeys) {
    Set<Node> around = new HashSet<>();
    ValuesQuery.forChunks(
        store, NEIGHBOURS, A, new ArrayList<>(seeds), row -> around.add(row.get(OTHER)));
    List<Doc> out = new ArrayList<>();
    for (Node node : around) {
      if (!node.isURI()) {
        continue;
      }
      long k = IriFactory.keyBits(node.getURI(), articlePrefix);
      int at = k == -1 ? -1 : old.position(k);
      if (at >= 0 && seedKeys.get(k) == LongIntMap.ABSENT && old.firstOfItsText(at)) {
        out.add(new Doc(node.getURI(), old.time(at), old.profile(at)));
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Passes over the stored profiles and the changed articles' new ones in publication order,
   * writing the new profile file as it goes, and returns the similar pairs that can be new: those
   * that involve a changed article, and those of a {@linkplain #bereft bereft} article with the
   * articles before it. The changed articles are paired among themselves by a {@link PairFinder};
   * each stored article is compared only with the changed (and bereft) articles within the window
   * of it that share enough of its terms ({@link ChangedWindow}). Of the pairs of each later
   * article only its strongest {@link InferenceSettings#neighbours()} are returned: the only ones
   * it can keep. Memory is the changed and bereft articles.
   */
  private List<Pair> sweep(
      ProfileFile old,
      LongIntMap changed,
      List<Doc> changedDocs,
      List<Doc> bereft,
      Path dir,
      String token) {
    Strongest fresh = new Strongest(settings.neighbours());
    // The changed articles hold every article of the texts they carry (addRepeats), so the first
    // of each text among them is the store's.
    PairFinder among = new PairFinder(settings, fresh::add);
    changedDocs.forEach(among::add);
    ChangedWindow near = new ChangedWindow(changedDocs, old);
    ChangedWindow before = new ChangedWindow(bereft, old);
    List<Pair> found = new ArrayList<>();
    try (ProfileFile.Writer out = ProfileFile.create(dir, token, describe());
        ProfileFile.Cursor stored = old.cursor()) {
      boolean more = nextUnchanged(stored, changed);
      int c = 0;
      while (more || c < changedDocs.size()) {
        if (!more || (c < changedDocs.size() && order(changedDocs.get(c), stored) < 0)) {
          Doc doc = changedDocs.get(c++);
          out.add(key(doc.iri()), doc.time(), doc.profile());
          continue;
        }
        // A stored article is decoded only when a changed or bereft one is within its window;
        // either way its profile is copied as it is stored.
        long time = stored.time();
        boolean nearChanged = near.reaches(time);
        if (before.reaches(time) || nearChanged) {
          Doc doc =
              new Doc(articlePrefix + IriFactory.keyText(stored.key()), time, stored.profile());
          near.pair(doc, found);
          found.forEach(fresh::add);
          found.clear();
          before.pair(doc, found);
          for (Pair p : found) {
            // Only a bereft article's pairs with the articles before it can be new.
            if (p.earlier().iri().equals(doc.iri())) {
              fresh.add(p);
            }
          }
          found.clear();
        }
        stored.copyTo(out);
        more = nextUnchanged(stored, changed);
      }
      out.finish();
    }
    return fresh.pairs();
  }

  /** The strongest pairs of each later article, at most a number of them. */
  private static final class Strongest {
    private final int limit;
    private final Map<String, List<Pair>> byLater = new HashMap<>();

    Strongest(int limit) {
      this.limit = limit;
    }

    void add(Pair pair) {
      List<Pair> list = byLater.computeIfAbsent(pair.later().iri(), k -> new ArrayList<>());
      list.add(pair);
      if (list.size() >= 2 * limit) {
        trim(list);
      }
    }

    private void trim(List<Pair> list) {
      if (list.size() > limit) {
        list.sort(Pair::byStrength);
        list.subList(limit, list.size()).clear();
      }
    }

    List<Pair> pairs() {
      List<Pair> out = new ArrayList<>();
      for (List<Pair> list : byLater.values()) {
        trim(list);
        out.addAll(list);
      }
      return out;
    }
  }

  /**
   * The changed articles within the window of the stored article being swept, with an inverted
   * index of their terms: a stored article is scored exactly only against those whose dot product
   * with it, summed from the index, reaches the least cosine. Stored articles must come in
   * publication order.
   */
  private final class ChangedWindow {
    private final List<Doc> docs;
    private final ProfileFile old;
    private final boolean[] repeat;
    private final Map<Long, PostingRing> postings = new HashMap<>();
    private final double[] dots;
    private final int[] touched;
    private int added;
    private int removed;

    ChangedWindow(List<Doc> docs, ProfileFile old) {
      this.docs = docs;
      this.old = old;
      this.dots = new double[docs.size()];
      this.touched = new int[docs.size()];
      // Which changed articles repeat an earlier one's text: paired with its first alone, among
      // the changed ones.
      this.repeat = new boolean[docs.size()];
      LongIntMap seen = new LongIntMap();
      for (int i = 0; i < docs.size(); i++) {
        long text = docs.get(i).profile().fingerprint();
        repeat[i] = text != 0 && seen.put(text, i) != LongIntMap.ABSENT;
      }
    }

    /**
     * Moves the window to a stored article's time (times must not decrease from call to call) and
     * tells whether any of its articles is within it.
     */
    boolean reaches(long time) {
      long window = settings.windowSeconds();
      while (added < docs.size() && docs.get(added).time() <= time + window) {
        TextProfile p = docs.get(added).profile();
        for (int i = 0; i < p.terms().length; i++) {
          postings.computeIfAbsent(p.terms()[i], t -> new PostingRing()).add(added, p.weights()[i]);
        }
        added++;
      }
      while (removed < added && docs.get(removed).time() < time - window) {
        for (long term : docs.get(removed).profile().terms()) {
          PostingRing list = postings.get(term);
          list.removeOldest(); // added in order, so the oldest is this one
          if (list.size == 0) {
            postings.remove(term);
          }
        }
        removed++;
      }
      return removed < added;
    }

    /** Adds to {@code out} the similar pairs of a stored article with the changed ones. */
    void pair(Doc stored, List<Pair> out) {
      if (!reaches(stored.time())) {
        return;
      }
      TextProfile p = stored.profile();
      int candidates = 0;
      for (int i = 0; i < p.terms().length; i++) {
        PostingRing list = postings.get(p.terms()[i]);
        if (list == null) {
          continue;
        }
        float weight = p.weights()[i];
        for (int n = 0, at = list.head; n < list.size; n++, at = (at + 1) % list.ids.length) {
          int d = (int) list.ids[at];
          if (dots[d] == 0) {
            touched[candidates++] = d;
          }
          dots[d] += weight * list.weights[at];
        }
      }
      double least = PairFinder.least(settings);
      int storedFirst = -1; // whether the stored article is its text's first: looked up once
      for (int c = 0; c < candidates; c++) {
        int d = touched[c];
        // The whole dot product, summed in another order than the exact cosine's: it only decides
        // which pairs are scored (the least cosine has a margin for the rounding). A repeat of an
        // earlier text pairs with that text's first alone, which is among the changed articles.
        if (dots[d] >= least && !repeat[d]) {
          if (storedFirst == -1) {
            storedFirst = old.firstOfItsText(old.position(key(stored.iri()))) ? 1 : 0;
          }
          if (storedFirst == 1) {
            addIfSimilar(stored, docs.get(d), out);
          }
        }
        dots[d] = 0;
      }
    }
  }

  private void addIfSimilar(Doc a, Doc b, List<Pair> out) {
    Pair pair = PairFinder.compare(a, b, settings);
    if (pair != null) {
      out.add(pair);
    }
  }

  /** Moves the cursor to the next stored article that did not change; false when none is left. */
  private static boolean nextUnchanged(ProfileFile.Cursor stored, LongIntMap changed) {
    while (stored.hasNext()) {
      stored.advance();
      if (changed.get(stored.key()) == LongIntMap.ABSENT) {
        return true;
      }
    }
    return false;
  }

  /** {@link Doc}'s order between a changed article and the stored one at a cursor. */
  private int order(Doc doc, ProfileFile.Cursor stored) {
    int byTime = Long.compare(doc.time(), stored.time());
    return byTime != 0 ? byTime : Long.compareUnsigned(key(doc.iri()), stored.key());
  }

  /**
   * The groups the changed articles and their fresh pairs touch (closure over the stored pairs,
   * whose changed members are stale but lead to the articles they grouped, and the fresh ones), and
   * the rule over every pair of those groups, written in place of their stored pairs.
   */
  private Change regroup(Set<Node> seeds, List<Pair> fresh, ProfileFile profiles, String token) {
    Map<Node, Set<Node>> freshEdges = new HashMap<>();
    for (Pair p : fresh) {
      Node x = NodeFactory.createURI(p.earlier().iri());
      Node y = NodeFactory.createURI(p.later().iri());
      freshEdges.computeIfAbsent(x, k -> new HashSet<>()).add(y);
      freshEdges.computeIfAbsent(y, k -> new HashSet<>()).add(x);
    }
    Set<Node> group = new HashSet<>(seeds);
    Set<List<Node>> oldPairs = new HashSet<>();
    List<Node> frontier = new ArrayList<>(seeds);
    while (!frontier.isEmpty()) {
      List<Node> next = new ArrayList<>();
      Map<Node, Set<Node>> stored = new HashMap<>();
      ValuesQuery.forChunks(
          store,
          NEIGHBOURS,
          A,
          frontier,
          row -> stored.computeIfAbsent(row.get(A), k -> new HashSet<>()).add(row.get(OTHER)));
      for (Node node : frontier) {
        Set<Node> around = new HashSet<>(stored.getOrDefault(node, Set.of()));
        stored.getOrDefault(node, Set.of()).forEach(o -> oldPairs.add(ordered(node, o)));
        around.addAll(freshEdges.getOrDefault(node, Set.of()));
        for (Node other : around) {
          if (group.add(other)) {
            next.add(other);
          }
        }
      }
      frontier = next;
    }
    List<Doc> members = new ArrayList<>(group.size());
    for (Node node : group) {
      int at = profiles.position(key(node.getURI()));
      if (at >= 0) {
        members.add(new Doc(node.getURI(), profiles.time(at), profiles.profile(at)));
      }
    }
    members.sort(null);
    List<Pair> pairs = new ArrayList<>();
    PairFinder finder =
        new PairFinder(
            settings,
            pairs::add,
            doc -> profiles.firstOfItsText(profiles.position(key(doc.iri()))));
    members.forEach(finder::add);
    List<Node> stale = new ArrayList<>();
    for (List<Node> pair : oldPairs) {
      stale.add(graphOf(pair.get(0), pair.get(1)));
    }
    StoryRule.Result result = StoryRule.apply(pairs, settings.threshold());
    Set<Node> moved = changedLinks(group, result);
    moved.addAll(seeds);
    int written = write(stale, pairs, result, token);
    return new Change(moved, written, stale.size());
  }

  /**
   * The articles of a group whose same-story links the rule's new result changes from the stored
   * ones: the only ones whose stories can change (a large group of weak pairs mostly keeps its
   * links).
   */
  private Set<Node> changedLinks(Set<Node> group, StoryRule.Result result) {
    Set<List<Node>> before = new HashSet<>();
    ValuesQuery.forChunks(
        store,
        SAME_STORY,
        A,
        new ArrayList<>(group),
        row -> before.add(ordered(row.get(A), row.get(OTHER))));
    Set<List<Node>> after = new HashSet<>();
    for (Pair p : result.sameStory()) {
      after.add(
          ordered(
              NodeFactory.createURI(p.earlier().iri()), NodeFactory.createURI(p.later().iri())));
    }
    Set<Node> moved = new HashSet<>();
    for (List<Node> pair : before) {
      if (!after.contains(pair)) {
        moved.addAll(pair);
      }
    }
    for (List<Node> pair : after) {
      if (!before.contains(pair)) {
        moved.addAll(pair);
      }
    }
    return moved;
  }

  /** Profiles every dated article of the store into a new file in {@code dir}, and opens it. */
  private ProfileFile profileStore(Path dir) {
    String token = newToken();
    try (ProfileFile.Writer out = ProfileFile.create(dir, token, describe())) {
      eachDoc(doc -> out.add(key(doc.iri()), doc.time(), doc.profile()));
      out.finish();
    }
    return reopen(dir, token);
  }

  /** Opens the profile file this run has just written; it must be readable. */
  private ProfileFile reopen(Path dir, String token) {
    ProfileFile made = ProfileFile.open(dir, token, describe());
    if (made == null) {
      throw new UncheckedIOException(
          new IOException("cannot read back the text profiles just written in " + dir));
    }
    return made;
  }

  /** The token of the profile file the store's links were computed with, or null. */
  private String token() {
    Binding at =
        BindingFactory.binding(
            BindingFactory.binding(Var.alloc("meta"), metaGraph), Var.alloc("i"), naming.inference);
    return store.query(
        TOKEN,
        at,
        exec -> {
          var rows = exec.select();
          String found = null;
          while (rows.hasNext()) {
            Node t = rows.next().get(T);
            if (t != null && t.isLiteral()) {
              found = t.getLiteralLexicalForm();
            }
          }
          return found;
        });
  }

  private String describe() {
    return settings.describe();
  }

  private static String newToken() {
    return UUID.randomUUID().toString();
  }

  /**
   * Writes the pairs' graphs and the settings, then deletes the {@code stale} graphs that were not
   * rewritten.
   */
  private int write(List<Node> stale, List<Pair> pairs, StoryRule.Result result, String token) {
    Set<Node> rewritten = new HashSet<>();
    GraphWriter out = new GraphWriter(token);
    rewritten.addAll(out.write(pairs, result));
    int written = out.finish();
    List<Node> gone = stale.stream().filter(g -> !rewritten.contains(g)).toList();
    for (int from = 0; from < gone.size(); from += WRITE_BATCH) {
      store.deleteGraphs(gone.subList(from, Math.min(gone.size(), from + WRITE_BATCH)));
    }
    return written;
  }

  /**
   * Writes similarity graphs in batches; {@link #finish()} writes the settings graph and records
   * the token of the profile file the links were computed with, in the last transaction (recorded
   * on every store, so that all hold the same data; only a local one keeps the file).
   */
  private final class GraphWriter {
    private final String token;
    private final List<GraphContent> batch = new ArrayList<>();
    private int written;

    GraphWriter(String token) {
      this.token = token;
    }

    /** Writes the graphs of some pairs and the rule's result on them; returns their names. */
    List<Node> write(List<Pair> pairs, StoryRule.Result result) {
      List<Node> names = new ArrayList<>();
      for (GraphContent graph : naming.graphs(pairs, result, settings)) {
        names.add(graph.graph());
        batch.add(graph);
        written++;
        if (batch.size() == WRITE_BATCH) {
          store.replaceGraphs(batch);
          batch.clear();
        }
      }
      return names;
    }

    /** Writes what is left, the settings and the token; returns how many graphs were written. */
    int finish() {
      batch.add(naming.settingsGraph(settings));
      store.apply(
          new StoreBatch(
              batch,
              List.of(),
              metaGraph,
              List.of(naming.inference),
              List.of(naming.tokenTriple(token))));
      batch.clear();
      return written;
    }
  }

  /**
   * The names and content of the inferred graphs under a base IRI, shared by the bulk and the
   * incremental path. Immutable.
   */
  public static final class Naming {
    private final String base;
    private final String articlePrefix;
    final Node inference;
    private final Node inferenceGraph;

    /** Names under a factory's base. */
    public Naming(IriFactory iris) {
      this.base = iris.base();
      this.articlePrefix = base + "article/";
      this.inference = NodeFactory.createURI(base + "inference");
      this.inferenceGraph = iris.systemGraph("inference");
    }

    /**
     * The metadata triple naming the profile file that the links were computed with ({@link
     * ProfileFile}).
     */
    public Triple tokenTriple(String token) {
      return Triple.create(
          inference, NewsVocab.DCTERMS_IDENTIFIER, NodeFactory.createLiteralString(token));
    }

    /** The graph holding the method and settings. */
    public GraphContent settingsGraph(InferenceSettings settings) {
      return new GraphContent(
          inferenceGraph,
          List.of(
              Triple.create(inference, NewsVocab.RDF_TYPE, NewsVocab.LINK_INFERENCE),
              Triple.create(
                  inference,
                  NewsVocab.DCTERMS_DESCRIPTION,
                  NodeFactory.createLiteralString(settings.describe()))));
    }

    /**
     * The graphs of similar pairs, with the same-story links and copies the rule decided.
     *
     * @param settings for the score of a copy recorded without being a similar pair
     */
    public List<GraphContent> graphs(
        List<Pair> pairs, StoryRule.Result result, InferenceSettings settings) {
      Set<Pair> kept = new HashSet<>(result.sameStory());
      Map<Node, List<Triple>> graphs = new LinkedHashMap<>();
      for (Pair pair : pairs) {
        List<Triple> triples =
            graphs.computeIfAbsent(
                graphOf(pair.earlier().iri(), pair.later().iri()), k -> new ArrayList<>());
        similarity(pair.earlier(), pair.later(), pair.score(), triples);
        if (kept.contains(pair)) {
          Node x = NodeFactory.createURI(pair.earlier().iri());
          Node y = NodeFactory.createURI(pair.later().iri());
          triples.add(Triple.create(x, NewsVocab.SAME_STORY, y));
          triples.add(Triple.create(y, NewsVocab.SAME_STORY, x));
        }
      }
      for (Map.Entry<Doc, Doc> copy : result.copies().entrySet()) {
        Doc later = copy.getKey();
        Doc earliest = copy.getValue();
        Node graph = graphOf(earliest.iri(), later.iri());
        List<Triple> triples = graphs.get(graph);
        if (triples == null) {
          // The earliest of a chain of copies, not itself a similar pair of this one: recorded
          // with its real score, so that news:between finds it.
          triples = new ArrayList<>();
          graphs.put(graph, triples);
          double score =
              settings.score(
                  earliest.profile().cosine(later.profile()), later.time() - earliest.time());
          similarity(earliest, later, score, triples);
        }
        triples.add(
            Triple.create(
                NodeFactory.createURI(later.iri()),
                NewsVocab.COPY_OF,
                NodeFactory.createURI(earliest.iri())));
      }
      List<GraphContent> out = new ArrayList<>(graphs.size());
      graphs.forEach((g, triples) -> out.add(new GraphContent(g, triples)));
      return out;
    }

    private void similarity(Doc earlier, Doc later, double score, List<Triple> out) {
      Node node =
          NodeFactory.createURI(
              base + "similarity/" + keyOf(earlier.iri()) + "-" + keyOf(later.iri()));
      out.add(Triple.create(node, NewsVocab.RDF_TYPE, NewsVocab.SIMILARITY));
      out.add(Triple.create(node, NewsVocab.BETWEEN, NodeFactory.createURI(earlier.iri())));
      out.add(Triple.create(node, NewsVocab.BETWEEN, NodeFactory.createURI(later.iri())));
      out.add(
          Triple.create(
              node,
              NewsVocab.SCORE,
              NodeFactory.createLiteralDT(decimal(score), XSDDatatype.XSDdecimal)));
      out.add(Triple.create(node, NewsVocab.PROV_WAS_GENERATED_BY, inference));
    }

    /**
     * A score to four places in the canonical form of an xsd:decimal ("0.581", "1.0"), the form
     * TDB2 gives back for decimals it stores by value, so that every path writes the same term.
     */
    static String decimal(double score) {
      BigDecimal value =
          BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
      String text = value.toPlainString();
      return value.scale() <= 0 ? text + ".0" : text;
    }

    /**
     * The graph of a pair, named by the two keys in IRI order, so that it is found from its
     * articles without knowing which was published first.
     */
    Node graphOf(String x, String y) {
      String a = x.compareTo(y) <= 0 ? x : y;
      String b = a.equals(x) ? y : x;
      return NodeFactory.createURI(base + "graph/similarity/" + keyOf(a) + "-" + keyOf(b));
    }

    private String keyOf(String iri) {
      return iri.substring(articlePrefix.length());
    }
  }

  private static List<Node> ordered(Node a, Node b) {
    return a.getURI().compareTo(b.getURI()) <= 0 ? List.of(a, b) : List.of(b, a);
  }

  private Node graphOf(Node x, Node y) {
    return naming.graphOf(x.getURI(), y.getURI());
  }

  private long key(String article) {
    return IriFactory.keyBits(article, articlePrefix);
  }

  private Node article(long key) {
    return NodeFactory.createURI(articlePrefix + IriFactory.keyText(key));
  }

  private Set<Node> similarityGraphs() {
    Set<Node> out = new HashSet<>();
    ValuesQuery.run(store, SIMILARITY_GRAPHS, row -> out.add(row.get(G)));
    return out;
  }

  /**
   * The keys of every article with a record of its own and a publication time there, in publication
   * order (then key).
   */
  private long[] datedKeys() {
    String graphPrefix = base + "graph/article/";
    long[][] grow = {new long[1024], new long[1024]};
    int[] count = {0};
    ValuesQuery.run(
        store,
        DATES,
        row -> {
          Node g = row.get(G);
          Node a = row.get(A);
          if (!g.isURI() || !a.isURI()) {
            return;
          }
          long k = IriFactory.keyBits(a.getURI(), articlePrefix);
          if (k == -1 || IriFactory.keyBits(g.getURI(), graphPrefix) != k) {
            return; // a cited description, or not an article this scheme names
          }
          Long time = epochSeconds(row.get(D));
          if (time == null) {
            return;
          }
          if (count[0] == grow[0].length) {
            grow[0] = Arrays.copyOf(grow[0], count[0] * 2);
            grow[1] = Arrays.copyOf(grow[1], count[0] * 2);
          }
          grow[0][count[0]] = k;
          grow[1][count[0]] = time;
          count[0]++;
        });
    int n = count[0];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] keys = grow[0];
    long[] times = grow[1];
    Arrays.sort(
        order,
        (x, y) -> {
          int byTime = Long.compare(times[x], times[y]);
          return byTime != 0
              ? byTime
              : Long.compareUnsigned(keys[x], keys[y]); // the order of the hex keys as text
        });
    long[] sorted = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long k = keys[order[i]];
      if (m == 0 || sorted[m - 1] != k) {
        sorted[m++] = k;
      }
    }
    return Arrays.copyOf(sorted, m);
  }

  /**
   * The documents of the articles that have a dated record of their own, from their texts; the
   * earliest date when a record gives several.
   */
  private List<Doc> docs(Collection<Node> articles, TextProfile.Builder profiles) {
    Map<Node, String[]> texts = new HashMap<>();
    Map<Node, Long> times = new HashMap<>();
    ValuesQuery.forChunks(
        store,
        TEXTS,
        A,
        articles,
        row -> {
          Long time = epochSeconds(row.get(D));
          if (time == null) {
            return;
          }
          times.merge(row.get(A), time, Math::min);
          String[] t = texts.computeIfAbsent(row.get(A), k -> new String[3]);
          t[0] = min(t[0], row.get(H));
          t[1] = min(t[1], row.get(E));
          t[2] = min(t[2], row.get(T));
        });
    List<Doc> out = new ArrayList<>(texts.size());
    for (Map.Entry<Node, String[]> entry : texts.entrySet()) {
      String[] t = entry.getValue();
      out.add(
          new Doc(
              entry.getKey().getURI(),
              times.get(entry.getKey()),
              profiles.profile(t[0], t[1], t[2])));
    }
    return out;
  }

  /** The smaller of a text and a literal's lexical form (a record's value is single; be total). */
  private static String min(String current, Node value) {
    if (value == null || !value.isLiteral()) {
      return current;
    }
    String text = value.getLiteralLexicalForm();
    return current == null || text.compareTo(current) < 0 ? text : current;
  }

  /** An xsd:dateTime or xsd:date as epoch seconds (no time zone: UTC), or null. */
  static Long epochSeconds(Node value) {
    if (value == null || !value.isLiteral()) {
      return null;
    }
    try {
      NodeValue nv = NodeValue.makeNode(value);
      if (nv.isDateTime() || nv.isDate()) {
        return Math.floorDiv(nv.getDateTime().toGregorianCalendar().getTimeInMillis(), 1000L);
      }
    } catch (RuntimeException e) {
      return null; // an ill-formed literal: no time, so no inference
    }
    return null;
  }
}
