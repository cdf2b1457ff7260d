package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.newsgraph.infer.BulkInference;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.infer.InferredLinks;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.story.BulkStories;
import org.newsgraph.story.StoryIndex;
import org.newsgraph.story.StoryKind;
import org.newsgraph.story.StoryNames;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Keeps the inferred links and the materialised stories of both kinds ({@link StoryKind}) up to
 * date during an ingest. The articles of the record graphs each committed batch wrote or removed
 * are noted; at the end of the run their inferred links are recomputed ({@link
 * InferredLinks#update}), then the stories of those articles and of the articles whose links
 * changed, once (a run of several batches used to recompute the stories a batch touched after each
 * batch, and again after the inferred links changed). A bulk load into an empty store infers its
 * links and computes its stories from the quads as they stream into the loader ({@link
 * BulkInference}, {@link BulkStories}) and loads them in the same transaction; when that is not
 * possible they are made from the whole store at the end.
 *
 * <p>Story updates are transactions of their own, after the batch's. So that a run killed between
 * the two never leaves stale stories or links behind for good, a marker graph ({@code
 * {base}graph/story-state}) is written before the run's first batch and removed at its end; a run
 * that finds the marker at its start recomputes every link and story at its end. A bulk load into
 * an empty store writes the marker only once the load has committed (a failed bulk load leaves the
 * store empty), before any write that follows it. Not thread-safe; one per run.
 */
public final class StoryMaintainer implements IngestListener {

  // Articles whose stories one update recomputes (its memory is theirs and their stories' members).
  private static final int UPDATE_CHUNK = 10_000;

  private final int updateChunk;

  private static final Query PENDING = QueryFactory.create("ASK { GRAPH ?marker { ?s ?p ?o } }");
  // Two lookups of one triple each: ASK { ?s a news:Story FILTER NOT EXISTS { ?g a
  // news:GivenStory } } reads every story when the store has both kinds.
  private static final Query HAS_GIVEN =
      QueryFactory.create("PREFIX news: <" + NewsVocab.NS + "> ASK { ?g a news:GivenStory }");
  private static final Query HAS_STORY =
      QueryFactory.create("PREFIX news: <" + NewsVocab.NS + "> ASK { ?s a news:Story }");
  private static final Query HAS_COUNT =
      QueryFactory.create("PREFIX news: <" + NewsVocab.NS + "> ASK { ?a news:citationCount ?n }");
  private static final Query HAS_GIVEN_COUNT =
      QueryFactory.create(
          "PREFIX news: <" + NewsVocab.NS + "> ASK { ?a news:givenCitationCount ?n }");
  private static final Query HAS_ARTICLE =
      QueryFactory.create("PREFIX news: <" + NewsVocab.NS + "> ASK { ?a a news:Article }");

  private final StoryIndex stories;
  private final StoryIndex givenStories;
  private final InferredLinks links;
  private final boolean infer;
  private final IriFactory iris;
  private final StoryNames names;
  private final Node marker;
  private final Set<Node> changedArticles = new HashSet<>();
  private boolean bulk;
  private boolean rebuildAtEnd;
  private boolean storiesAtEnd;
  private boolean rebuildGivenAtEnd;
  private BulkStories bulkStories;
  private BulkStories bulkGiven;
  private boolean loadedWithRecords;
  private boolean givenLoadedWithRecords;
  private BulkInference bulkInference;
  private boolean inferredWithRecords;

  /**
   * @param store the store the run writes to
   * @param iris the data's IRI factory
   * @param settings how links are inferred
   * @param infer whether to infer links; when false, inferred links found in the store are removed
   */
  public StoryMaintainer(
      GraphStore store, IriFactory iris, InferenceSettings settings, boolean infer) {
    this(store, iris, settings, infer, UPDATE_CHUNK);
  }

  /** As above, recomputing the stories of at most {@code updateChunk} articles at a time. */
  StoryMaintainer(
      GraphStore store,
      IriFactory iris,
      InferenceSettings settings,
      boolean infer,
      int updateChunk) {
    this.updateChunk = updateChunk;
    this.stories = new StoryIndex(store, iris, StoryKind.ALL);
    this.givenStories = new StoryIndex(store, iris, StoryKind.GIVEN);
    this.links = new InferredLinks(store, iris, settings);
    this.infer = infer;
    this.iris = iris;
    this.names = new StoryNames(iris);
    this.marker = iris.systemGraph("story-state");
  }

  @Override
  public void runStarting(GraphStore store, boolean bulk) {
    runStarting(store, bulk, null);
  }

  @Override
  public void runStarting(GraphStore store, boolean bulk, Path scratch) {
    this.bulk = bulk;
    if (bulk) {
      bulkStories = new BulkStories(iris, StoryKind.ALL);
      bulkGiven = new BulkStories(iris, StoryKind.GIVEN);
      if (infer && scratch != null) {
        bulkInference =
            new BulkInference(
                iris,
                links.settings(),
                scratch,
                InferredLinks.profileDirectory(store).orElse(null));
      }
      return;
    }
    // Into a store without articles (a remote store, or --no-bulk) the run's batches would each
    // recompute the stories they touch, again and again as the stories grow; computing every story
    // and link once at the end gives the same result for a fraction of the reads.
    rebuildAtEnd =
        store.query(
                PENDING, BindingFactory.binding(Var.alloc("marker"), marker), exec -> exec.ask())
            || !ask(store, HAS_ARTICLE);
    // A store whose stories were written before they kept their members' citation counts gets
    // every story again (its links are current).
    storiesAtEnd = !rebuildAtEnd && ask(store, HAS_STORY) && !ask(store, HAS_COUNT);
    // A store written before the stories of the records' links alone were kept gets them now.
    rebuildGivenAtEnd =
        rebuildAtEnd
            || givenMissing(store)
            || ask(store, HAS_GIVEN) && !ask(store, HAS_GIVEN_COUNT);
    mark(store);
  }

  @Override
  public void loading(Quad quad) {
    if (bulkStories != null) {
      bulkStories.accept(quad);
      bulkGiven.accept(quad);
    }
    if (bulkInference != null) {
      bulkInference.accept(quad);
    }
  }

  @Override
  public void loadEnding(StreamRDF loader) {
    if (bulkInference != null) {
      try (BulkInference inference = bulkInference) {
        if (inference.complete()) {
          inference.emit(
              quad -> {
                if (bulkStories != null) {
                  bulkStories.accept(quad);
                }
                loader.quad(quad);
              });
          inferredWithRecords = true;
        }
      }
      bulkInference = null;
    }
    if (bulkGiven != null && bulkGiven.complete()) {
      bulkGiven.emit(loader);
      givenLoadedWithRecords = true;
    }
    boolean linksComplete = !infer || inferredWithRecords;
    if (bulkStories != null && bulkStories.complete() && linksComplete) {
      bulkStories.emit(loader);
      loadedWithRecords = true;
    }
    bulkStories = null; // their memory is the loader's now
    bulkGiven = null;
  }

  @Override
  public void committed(GraphStore store, Committed batch) {
    if (batch.everything()) {
      rebuildAtEnd = !loadedWithRecords;
      rebuildGivenAtEnd = !givenLoadedWithRecords;
      mark(store); // what follows a bulk load updates stories
      return;
    }
    List<Node> changed = new ArrayList<>(batch.written());
    changed.addAll(batch.removed());
    for (Node graph : changed) {
      Node article = names.articleOfRecordGraph(graph);
      if (article != null) {
        changedArticles.add(article);
      }
    }
  }

  @Override
  public void runFinished(GraphStore store) {
    Set<Node> relinked = Set.of();
    if (infer) {
      // Links loaded with the records are current; otherwise a bulk run, a run killed half-way or
      // changed settings leave nothing to update from.
      if (!inferredWithRecords && (bulk || rebuildAtEnd || !links.current())) {
        links.rebuild();
        rebuildAtEnd = true;
      } else if (!changedArticles.isEmpty()) {
        relinked = links.update(changedArticles).articles();
      }
    } else if (links.present()) {
      links.clear();
      rebuildAtEnd = true;
    }
    if (rebuildAtEnd || storiesAtEnd) {
      stories.rebuild();
    } else {
      Set<Node> seeds = new LinkedHashSet<>(changedArticles);
      seeds.addAll(relinked);
      update(stories, seeds, updateChunk);
    }
    if (rebuildGivenAtEnd) {
      givenStories.rebuild();
    } else {
      update(givenStories, changedArticles, updateChunk);
    }
    store.deleteGraphs(List.of(marker));
  }

  /**
   * Recomputes the stories of some articles, a bounded number of articles at a time: each update
   * reads the final links, so a story that two chunks reach is written twice to the same content.
   */
  private static void update(StoryIndex index, Set<Node> articles, int chunk) {
    List<Node> all = new ArrayList<>(articles);
    for (int from = 0; from < all.size(); from += chunk) {
      index.updateArticles(all.subList(from, Math.min(all.size(), from + chunk)));
    }
  }

  private static boolean ask(GraphStore store, Query query) {
    return store.query(query, BindingFactory.empty(), exec -> exec.ask());
  }

  /** True when the store has stories but none of the records' links alone (an older store). */
  private static boolean givenMissing(GraphStore store) {
    return !ask(store, HAS_GIVEN) && ask(store, HAS_STORY);
  }

  private void mark(GraphStore store) {
    Triple note =
        Triple.create(
            marker,
            NodeFactory.createURI(NewsVocab.DCTERMS + "description"),
            NodeFactory.createLiteralString(
                "stories are being updated by an ingest run; if this remains,"
                    + " the run did not finish and the next run rebuilds every story"));
    store.replaceGraphs(List.of(new GraphContent(marker, List.of(note))));
  }
}
