package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.newsgraph.infer.InferredLinks;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.story.BulkStories;
import org.newsgraph.story.StoryIndex;
import org.newsgraph.story.StoryNames;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Keeps the materialised stories up to date during an ingest: after each committed batch the
 * stories touched by the graphs it wrote or removed are recomputed. A bulk load into an empty store
 * computes its stories from the quads as they stream into the loader ({@link BulkStories}) and
 * loads them in the same transaction; when that is not possible (a related link between IRIs this
 * scheme did not mint) they are rebuilt from the whole store at the end.
 *
 * <p>Story updates are transactions of their own, after the batch's. So that a run killed between
 * the two never leaves stale stories behind for good, a marker graph ({@code
 * {base}graph/story-state}) is written before the run's first batch and removed after its last
 * story update; a run that finds the marker at its start rebuilds every story at its end. A bulk
 * load into an empty store writes the marker only once the load has committed (a failed bulk load
 * leaves the store empty), before any write that follows it. Not thread-safe; one per run.
 */
public final class StoryMaintainer implements IngestListener {

  private static final Query PENDING = QueryFactory.create("ASK { GRAPH ?marker { ?s ?p ?o } }");

  private final StoryIndex stories;
  private final InferredLinks links;
  private final boolean infer;
  private final IriFactory iris;
  private final StoryNames names;
  private final Node marker;
  private final Set<Node> changedArticles = new HashSet<>();
  private boolean bulk;
  private boolean rebuildAtEnd;
  private BulkStories bulkStories;
  private boolean loadedWithRecords;
  private BulkInference bulkInference;
  private boolean inferredWithRecords;

  /**
   * @param stories the story index to maintain
   * @param links the store's inferred links
   * @param infer whether to infer links; when false, inferred links found in the store are removed
   * @param iris the data's IRI factory, for the marker graph's name
   */
  public StoryMaintainer(StoryIndex stories, InferredLinks links, boolean infer, IriFactory iris) {
    this.stories = stories;
    this.links = links;
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
      bulkStories = new BulkStories(iris);
      if (infer && scratch != null) {
        bulkInference = new BulkInference(iris, links.settings(), scratch);
      }
      return;
    }
    rebuildAtEnd =
        store.query(
            PENDING, BindingFactory.binding(Var.alloc("marker"), marker), exec -> exec.ask());
    mark(store);
  }

  @Override
  public void loading(Quad quad) {
    if (bulkStories != null) {
      bulkStories.accept(quad);
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
    boolean linksComplete = !infer || inferredWithRecords;
    if (bulkStories != null && bulkStories.complete() && linksComplete) {
      bulkStories.emit(loader);
      loadedWithRecords = true;
    }
    bulkStories = null; // its memory is the loader's now
  }

  @Override
  public void committed(GraphStore store, Committed batch) {
    if (batch.everything()) {
      rebuildAtEnd = !loadedWithRecords;
      mark(store); // what follows a bulk load (files describing an article already loaded) updates
      // stories
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
    if (rebuildAtEnd) {
      return;
    }
    stories.update(changed);
  }

  @Override
  public void runFinished(GraphStore store) {
    if (infer) {
      if (inferredWithRecords) {
        if (!changedArticles.isEmpty()) {
          stories.updateArticles(links.update(changedArticles).articles());
        }
      } else if (bulk || rebuildAtEnd || !links.current()) {
        links.rebuild();
        rebuildAtEnd = true;
      } else if (!changedArticles.isEmpty()) {
        stories.updateArticles(links.update(changedArticles).articles());
      }
    } else if (links.present()) {
      links.clear();
      rebuildAtEnd = true;
    }
    if (rebuildAtEnd) {
      stories.rebuild();
    }
    store.deleteGraphs(List.of(marker));
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
