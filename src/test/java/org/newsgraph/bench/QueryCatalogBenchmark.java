package org.newsgraph.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.story.StoryChange;
import org.newsgraph.story.StoryIndex;
import org.newsgraph.vocab.IriFactory;

/**
 * Median in-process latencies of every catalog query on a store of records from {@link
 * CorpusGenerator} (seed 42, the corpus {@code newsgraph generate --seed 42} writes, or {@code
 * -Dbench.seed=S}; default 100,000 records; {@code -Dbench.records=N}), built once into {@code
 * -Dbench.db=DIR} (default {@code target/bench-queries-db}) and reused while its marker file
 * ({@code complete-N}) is there; the stories are rebuilt on every run. A store that {@code
 * newsgraph ingest} made of {@code generate --count N --seed S} serves too: write the marker into
 * it by hand (the incremental step adds records to it). Run with {@code -DargLine=-Xmx1g} to hold
 * the heap of the 1M figures. Prints the timings of the build, the story rebuild, incremental story
 * updates and a table of query latencies (2 warm-up runs, then {@code -Dbench.runs=N} timed ones,
 * default 7); asserts nothing about time. {@code -Dbench.stories=false} leaves the store as it is
 * (no story rebuild, no records added): the queries read the stories its ingest made.
 *
 * <pre>
 * mvn -B -o test -Dtest=QueryCatalogBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class QueryCatalogBenchmark {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);
  private static final int RUNS = Integer.getInteger("bench.runs", 7);

  @Test
  void printMedianLatencies() throws Exception {
    int records = Integer.getInteger("bench.records", 100_000);
    Path db = Path.of(System.getProperty("bench.db", "target/bench-queries-db"));
    Path marker = db.resolve("complete-" + records);
    long seed = Long.getLong("bench.seed", 42);
    Corpus corpus = new Corpus(new CorpusGenerator(seed), records);
    try (Tdb2Store store = Tdb2Store.open(db)) {
      if (!Files.exists(marker)) {
        build(store, corpus);
        Files.writeString(marker, "built\n");
      }
      if (Boolean.parseBoolean(System.getProperty("bench.stories", "true"))) {
        rebuild(store);
        incremental(store, corpus);
      }
      queries(store, corpus);
    }
  }

  private static void build(Tdb2Store store, Corpus corpus) {
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    RecordMapper mapper = new RecordMapper(IRIS);
    long start = System.nanoTime();
    List<GraphContent> batch = new ArrayList<>();
    long quads = 0;
    for (int i = 0; i < corpus.size(); i++) {
      GraphContent content = map(reader, mapper, corpus, i);
      quads += content.triples().size();
      batch.add(content);
      if (batch.size() == 1000) {
        store.replaceGraphs(batch);
        batch.clear();
      }
    }
    store.replaceGraphs(batch);
    store.replaceGraphs(List.of(taxonomy()));
    System.out.printf(
        Locale.ROOT,
        "store: %d records ingested in %.1f s, %.1f quads per record%n",
        corpus.size(),
        seconds(start),
        (double) quads / corpus.size());
  }

  private static void rebuild(Tdb2Store store) {
    long start = System.nanoTime();
    StoryChange change = new StoryIndex(store, IRIS).rebuild();
    System.out.printf(
        "stories: full rebuild wrote %d stories, removed %d, in %.1f s%n",
        change.written(), change.removed(), seconds(start));
  }

  /** Re-writes batches of existing records and times the story update after each. */
  private static void incremental(Tdb2Store store, Corpus corpus) {
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    RecordMapper mapper = new RecordMapper(IRIS);
    StoryIndex stories = new StoryIndex(store, IRIS);
    long[] times = new long[5];
    for (int run = 0; run < times.length; run++) {
      List<GraphContent> batch = new ArrayList<>();
      List<Node> names = new ArrayList<>();
      for (int i = run * 20_011 % corpus.size(), k = 0; k < 500; k++, i = (i + 1) % corpus.size()) {
        GraphContent content = map(reader, mapper, corpus, i);
        batch.add(content);
        names.add(content.graph());
      }
      store.replaceGraphs(batch);
      long start = System.nanoTime();
      stories.update(names);
      times[run] = System.nanoTime() - start;
    }
    System.out.printf(
        "stories: incremental update after a 500-record batch, median %.1f ms%n",
        median(times) / 1e6);
  }

  private static void queries(Tdb2Store store, Corpus corpus) {
    QueryRunner runner = new QueryRunner(store, QueryCatalog.load(), IRIS);
    List<Long> linked = corpus.generator().linkedRecords(corpus.size(), RUNS + 2);
    IntFunction<Map<String, String>> article =
        k -> Map.of("article", corpus.generator().url(linked.get(k)));
    System.out.println("| query | parameters | scope | median ms | min ms | max ms |");
    System.out.println("|---|---|---|---:|---:|---:|");
    time(runner, "coverage", "article=<linked article>", "single", article);
    time(runner, "reach", "article=<linked article>, hops=2", "single", article);
    time(
        runner,
        "reach",
        "article=<linked article>, hops=4",
        "single",
        k -> Map.of("article", corpus.generator().url(linked.get(k)), "hops", "4"));
    time(runner, "first-report", "article=<linked article>", "single", article);
    time(runner, "story-timeline", "article=<linked article>, granularity=day", "single", article);
    time(
        runner,
        "story-graph",
        "article=<linked article> (CONSTRUCT, N-Triples)",
        "single",
        article);
    time(
        runner,
        "provider-profile",
        "provider=" + CorpusGenerator.providerDomain(1500) + " (tail)",
        "single",
        k -> Map.of("provider", CorpusGenerator.providerDomain(1500)));
    time(
        runner,
        "provider-profile",
        "provider=" + CorpusGenerator.providerDomain(0) + " (largest)",
        "corpus",
        k -> Map.of("provider", CorpusGenerator.providerDomain(0)));
    time(runner, "stories", "(defaults: limit=100)", "corpus", k -> Map.of());
    time(
        runner,
        "stories",
        "topic=AI (and its narrower topics), from=2021-03-01, to=2021-06-30",
        "corpus",
        k -> Map.of("topic", "AI", "from", "2021-03-01", "to", "2021-06-30"));
    time(runner, "provider-links", "(defaults)", "corpus", k -> Map.of());
    time(runner, "topic-coverage", "(defaults)", "corpus", k -> Map.of());
    time(runner, "topic-cooccurrence", "(defaults)", "corpus", k -> Map.of());
    time(
        runner,
        "timeline",
        "topic=AI, granularity=week",
        "corpus",
        k -> Map.of("topic", "AI", "granularity", "week"));
    time(
        runner,
        "timeline",
        "topic=Self-Driving Cars (a narrow topic), granularity=day",
        "corpus",
        k -> Map.of("topic", "Self-Driving Cars"));
    time(runner, "dangling", "(defaults)", "corpus", k -> Map.of());
    time(runner, "duplicates", "(defaults)", "corpus", k -> Map.of());
    time(runner, "top-linked", "(defaults)", "corpus", k -> Map.of());
  }

  private static void time(
      QueryRunner runner,
      String name,
      String label,
      String scope,
      IntFunction<Map<String, String>> params) {
    for (int warm = 0; warm < 2; warm++) {
      runner.runNamed(
          name, params.apply(RUNS + warm), format(name), OutputStream.nullOutputStream());
    }
    long[] times = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      runner.runNamed(name, params.apply(run), format(name), OutputStream.nullOutputStream());
      times[run] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        "| %s | %s | %s | %.1f | %.1f | %.1f |%n",
        name, label, scope, median(times) / 1e6, times[0] / 1e6, times[RUNS - 1] / 1e6);
  }

  private static OutputFormat format(String query) {
    return query.equals("story-graph") ? OutputFormat.NT : OutputFormat.TSV;
  }

  private static GraphContent map(RecordReader reader, RecordMapper mapper, Corpus corpus, int i) {
    String name = "synthetic/" + i + ".md";
    ReadResult result =
        reader.read(
            new ByteArrayInputStream(corpus.generator().record(i).getBytes(StandardCharsets.UTF_8)),
            name);
    if (result.rejected() || result.records().size() != 1) {
      throw new IllegalStateException(
          "generated record " + i + " was rejected: " + result.problems());
    }
    List<Triple> triples = new ArrayList<>();
    Node graph =
        mapper.map(
            result.records().get(0),
            new StreamRDFBase() {
              @Override
              public void quad(Quad quad) {
                triples.add(quad.asTriple());
              }
            },
            new ArrayList<>());
    return new GraphContent(graph, triples);
  }

  private static GraphContent taxonomy() {
    Node broader = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader");
    List<Triple> triples = new ArrayList<>();
    // Every other topic is narrower than the first ("AI"): the corpus has no taxonomy files.
    List<String> topics = CorpusGenerator.topicNames();
    for (String topic : topics.subList(1, topics.size())) {
      triples.add(Triple.create(IRIS.topic(topic), broader, IRIS.topic(topics.get(0))));
    }
    return new GraphContent(IRIS.systemGraph("taxonomy"), triples);
  }

  /** The first {@code size} records of a generator. */
  private record Corpus(CorpusGenerator generator, int size) {}

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
