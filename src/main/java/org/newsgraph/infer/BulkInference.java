package org.newsgraph.infer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Infers the links of a bulk load from the quads as they stream into the loader, so that the
 * similarity graphs (and the stories over them) are loaded in the same transaction as the records,
 * instead of being written into the finished store afterwards. The result equals what {@link
 * InferredLinks#rebuild()} makes of the loaded store.
 *
 * <p>An article's own facts (headline, excerpt, body, publication time, in its own record graph)
 * arrive together, when the merge replays the winning description; its profile is computed then and
 * appended to a scratch file, and only its key, time and file offset stay in memory (24 bytes an
 * article). At the end the profiles are read back in publication order, into the {@link PairFinder}
 * and into the store's profile file ({@link ProfileFile}); the pairs found are kept as positions
 * ({@link PairGroups}), and the {@link StoryRule} runs on one connected group at a time with that
 * group's profiles read back. When an article's facts do not arrive together, the result is
 * {@linkplain #complete() incomplete} and the caller infers from the store instead. Not
 * thread-safe: fed by the one writer.
 */
public final class BulkInference implements AutoCloseable {

  private static final String SCRATCH_PREFIX = "inference-profiles-";

  private final InferenceSettings settings;
  private final InferredLinks.Naming naming;
  private final String articlePrefix;
  private final String graphPrefix;
  private final Path file;
  private final Path profileDir;
  private final Node metaGraph;
  private final DataOutputStream out;
  private final TextProfile.Builder profiles;
  private final LongIntMap seen = new LongIntMap();
  private long written;
  private boolean complete = true;

  private final ProfileIndex arrived = new ProfileIndex();

  // The article whose facts are arriving.
  private long current = -1;
  private String headline;
  private String excerpt;
  private String body;
  private Long time;

  /**
   * @param iris the data's IRI factory
   * @param settings the inference settings
   * @param scratch a folder for the profile file, removed by {@link #close()}
   * @param profileDir where the store keeps its articles' profiles ({@link ProfileFile}), or null
   */
  public BulkInference(IriFactory iris, InferenceSettings settings, Path scratch, Path profileDir) {
    this.settings = settings;
    this.profileDir = profileDir;
    this.metaGraph = iris.systemGraph("meta");
    this.naming = new InferredLinks.Naming(iris);
    this.articlePrefix = iris.base() + "article/";
    this.graphPrefix = iris.base() + "graph/article/";
    this.profiles = settings.profiles();
    try {
      Files.createDirectories(scratch);
      // A run killed during a bulk load leaves its file behind; the store was empty then.
      try (var old = Files.newDirectoryStream(scratch, SCRATCH_PREFIX + "*.bin")) {
        for (Path stale : old) {
          Files.deleteIfExists(stale);
        }
      }
      this.file = Files.createTempFile(scratch, SCRATCH_PREFIX, ".bin");
      this.out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inference's scratch file in " + scratch, e);
    }
  }

  /** Takes note of one loaded quad: the own facts of article records. */
  public void accept(Quad quad) {
    Node p = quad.getPredicate();
    boolean text =
        p.equals(NewsVocab.SCHEMA_HEADLINE)
            || p.equals(NewsVocab.SCHEMA_DESCRIPTION)
            || p.equals(NewsVocab.SCHEMA_TEXT);
    if (!text && !p.equals(NewsVocab.SCHEMA_DATE_PUBLISHED)) {
      return;
    }
    Node s = quad.getSubject();
    Node g = quad.getGraph();
    if (!s.isURI() || !g.isURI()) {
      return;
    }
    long key = IriFactory.keyBits(s.getURI(), articlePrefix);
    if (key == -1 || IriFactory.keyBits(g.getURI(), graphPrefix) != key) {
      return; // a cited description, or not an article this scheme names
    }
    if (key != current) {
      finishCurrent();
      if (seen.get(key) != LongIntMap.ABSENT) {
        complete = false; // its facts came in two parts
        return;
      }
      current = key;
    }
    Node o = quad.getObject();
    if (p.equals(NewsVocab.SCHEMA_DATE_PUBLISHED)) {
      time = InferredLinks.epochSeconds(o);
    } else if (o.isLiteral()) {
      String value = o.getLiteralLexicalForm();
      if (p.equals(NewsVocab.SCHEMA_HEADLINE)) {
        headline = value;
      } else if (p.equals(NewsVocab.SCHEMA_DESCRIPTION)) {
        excerpt = value;
      } else {
        body = value;
      }
    }
  }

  /** False when the links cannot be computed from the stream: infer from the store instead. */
  public boolean complete() {
    return complete;
  }

  /**
   * Computes the links and sends their quads (and the settings graph) to {@code sink}.
   *
   * @return how many similarity graphs were sent
   * @throws IllegalStateException when not {@link #complete()}
   */
  public int emit(Consumer<Quad> sink) {
    if (!complete) {
      throw new IllegalStateException("the links of this load cannot be computed from the stream");
    }
    finishCurrent();
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Integer[] order = new Integer[arrived.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int byTime = Long.compare(arrived.time(x), arrived.time(y));
          return byTime != 0 ? byTime : Long.compareUnsigned(arrived.key(x), arrived.key(y));
        });
    PairGroups pairs = new PairGroups();
    PairFinder finder =
        new PairFinder(
            settings,
            p -> pairs.add(arrival(p.earlier()), arrival(p.later()), p.score(), p.copy()));
    String token = UUID.randomUUID().toString();
    if (profileDir != null) {
      ProfileFile.removeAllBut(profileDir, null); // the store is empty: any file is stale
    }
    int[] graphs = {0};
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ProfileFile.Writer kept =
            profileDir == null
                ? null
                : ProfileFile.create(profileDir, token, settings.describe())) {
      for (int i : order) {
        TextProfile profile = read(channel, i);
        long key = arrived.key(i);
        long time = arrived.time(i);
        finder.add(new Doc(articlePrefix + IriFactory.keyText(key), time, profile));
        if (kept != null) {
          kept.add(key, time, profile);
        }
      }
      if (kept != null) {
        kept.finish();
      }
      sink.accept(Quad.create(metaGraph, naming.tokenTriple(token)));
      // The rule group by group, each group's profiles read back from the scratch file.
      pairs.eachGroup(
          at -> doc(channel, at),
          group -> {
            for (var graph :
                naming.graphs(group, StoryRule.apply(group, settings.threshold()), settings)) {
              for (Triple t : graph.triples()) {
                sink.accept(Quad.create(graph.graph(), t));
              }
              graphs[0]++;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inference's scratch file " + file, e);
    }
    var settingsGraph = naming.settingsGraph(settings);
    for (Triple t : settingsGraph.triples()) {
      sink.accept(Quad.create(settingsGraph.graph(), t));
    }
    return graphs[0];
  }

  /** The arrival number of an article that went through the pair finder. */
  private int arrival(Doc doc) {
    return seen.get(IriFactory.keyBits(doc.iri(), articlePrefix));
  }

  /** The document of the article that arrived {@code index}-th, its profile read back. */
  private Doc doc(FileChannel channel, int index) {
    try {
      return new Doc(
          articlePrefix + IriFactory.keyText(arrived.key(index)),
          arrived.time(index),
          read(channel, index));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inference's scratch file " + file, e);
    }
  }

  private void finishCurrent() {
    if (current == -1) {
      return;
    }
    seen.put(current, time == null ? -1 : arrived.size()); // its arrival number, if dated
    if (time != null) {
      arrived.add(current, time, written);
      write(profiles.profile(headline, excerpt, body));
    }
    current = -1;
    headline = null;
    excerpt = null;
    body = null;
    time = null;
  }

  private void write(TextProfile p) {
    try {
      written += ProfileFile.writeProfile(out, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inference's scratch file " + file, e);
    }
  }

  /** The profile of the article that arrived {@code index}-th, from the scratch file. */
  private TextProfile read(FileChannel channel, int index) throws IOException {
    long from = arrived.offset(index);
    long to = index + 1 < arrived.size() ? arrived.offset(index + 1) : written;
    ByteBuffer entry = ByteBuffer.allocate((int) (to - from));
    long position = from;
    while (entry.hasRemaining()) {
      int n = channel.read(entry, position);
      if (n < 0) {
        throw new IOException("the scratch file " + file + " ends early");
      }
      position += n;
    }
    entry.flip();
    return ProfileFile.readProfile(entry, file);
  }

  @Override
  public void close() {
    profiles.close();
    try {
      out.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the scratch folder is the store's; a left-over file is removed with it
    }
  }
}
