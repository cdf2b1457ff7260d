package org.newsgraph.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;

/**
 * Materialises stories: the connected components of the coverage links (the records' related links
 * in either direction, outside articles included, and the inferred same-story links) with at least
 * two articles. Each story is one graph {@code {base}graph/story/{key}} holding {@code story a
 * news:Story} and {@code article news:inStory story} for its members, with a summary (size,
 * providers, first and last publication, first report; see {@link StorySummary}), so queries find a
 * story by a lookup instead of a transitive path.
 *
 * <p>{@link #update(Collection)} keeps the stories right after a batch of record graphs changed:
 * every related link of a record starts at the record's own article, so the links a batch added or
 * removed all touch those articles; the components around them (their old stories, and whatever
 * their links reach now) are recomputed, which covers a record joining two stories and a replaced
 * record splitting one. {@link #rebuild()} recomputes everything from the links. Not thread-safe
 * with itself: run one update at a time, after the batch's own transaction committed.
 */
public final class StoryIndex {

  private static final int WRITE_BATCH = 2000;

  private final GraphStore store;
  private final StoryNames names;
  private final LinkReader reader;

  /** An index of the stories over every link, naming them under a factory's base. */
  public StoryIndex(GraphStore store, IriFactory iris) {
    this(store, iris, StoryKind.ALL);
  }

  /** An index of one kind of story, naming them under a factory's base. */
  public StoryIndex(GraphStore store, IriFactory iris, StoryKind kind) {
    this.store = store;
    this.names = new StoryNames(iris, kind);
    this.reader = new LinkReader(store, kind);
  }

  /**
   * Brings the stories up to date after the given graphs were replaced or removed (in a committed
   * transaction). Graphs that are not article record graphs are ignored.
   *
   * @param changedGraphs names of the record graphs the batch wrote or deleted
   * @return how many story graphs were written and removed
   * @throws org.newsgraph.store.StoreException when the store cannot be read or written; the
   *     stories are then as before the call, and {@link #rebuild()} repairs them
   */
  public StoryChange update(Collection<Node> changedGraphs) {
    Set<Node> seeds = new HashSet<>();
    for (Node graph : changedGraphs) {
      Node article = names.articleOfRecordGraph(graph);
      if (article != null) {
        seeds.add(article);
      }
    }
    return updateArticles(seeds);
  }

  /**
   * Brings the stories up to date after the links of some articles changed (in a committed
   * transaction): the stories they were in and whatever their links reach now are recomputed.
   *
   * @param seeds the articles whose links changed
   * @return how many story graphs were written and removed
   */
  public StoryChange updateArticles(Collection<Node> seeds) {
    if (seeds.isEmpty()) {
      return new StoryChange(0, 0);
    }
    Set<Node> start = new HashSet<>(seeds);
    start.addAll(reader.membersOf(reader.storiesOf(seeds)));
    Components components = new Components();
    Set<Node> reached = explore(start, components);
    Set<Node> before = reader.storiesOf(reached);
    List<GraphContent> writes = new ArrayList<>();
    Set<Node> after = new HashSet<>();
    writes.addAll(contents(new ArrayList<>(components.groups(2)), after));
    int removed = 0;
    for (Node old : before) {
      if (!after.contains(old)) {
        writes.add(new GraphContent(names.graphOf(old), List.of()));
        removed++;
      }
    }
    store.replaceGraphs(writes);
    return new StoryChange(after.size(), removed);
  }

  /**
   * Recomputes every story from the related links in the store and removes stories that no longer
   * exist. Holds one entry per linked article in memory (the union-find), not the links themselves.
   *
   * @return how many story graphs were written and removed
   * @throws org.newsgraph.store.StoreException when the store cannot be read or written
   */
  public StoryChange rebuild() {
    Components components = new Components();
    reader.allLinks(
        (citing, cited) -> {
          if (!citing.equals(cited)) {
            components.link(citing, cited);
          }
        });
    Set<Node> before = reader.allStories();
    Set<Node> after = new HashSet<>();
    List<GraphContent> writes = new ArrayList<>();
    List<List<Node>> pending = new ArrayList<>();
    for (List<Node> members : components.groups(2)) {
      pending.add(members);
      if (pending.size() == WRITE_BATCH) {
        writes.addAll(contents(pending, after));
        pending.clear();
        flushIfFull(writes);
      }
    }
    writes.addAll(contents(pending, after));
    int removed = 0;
    for (Node old : before) {
      if (!after.contains(old)) {
        writes.add(new GraphContent(names.graphOf(old), List.of()));
        removed++;
        flushIfFull(writes);
      }
    }
    if (!writes.isEmpty()) {
      store.replaceGraphs(writes);
    }
    return new StoryChange(after.size(), removed);
  }

  /** Breadth-first search over the current links from {@code start}, recording every link seen. */
  private Set<Node> explore(Set<Node> start, Components components) {
    Set<Node> reached = new HashSet<>(start);
    Collection<Node> frontier = start;
    while (!frontier.isEmpty()) {
      frontier.forEach(components::add);
      List<Node> next = new ArrayList<>();
      for (Map.Entry<Node, Set<Node>> entry : reader.neighbours(frontier).entrySet()) {
        for (Node neighbour : entry.getValue()) {
          components.link(entry.getKey(), neighbour);
          if (reached.add(neighbour)) {
            next.add(neighbour);
          }
        }
      }
      frontier = next;
    }
    return reached;
  }

  /** The story graphs of some components, with their summaries read from the members' facts. */
  private List<GraphContent> contents(List<List<Node>> groups, Set<Node> storiesMade) {
    List<Node> all = new ArrayList<>();
    groups.forEach(all::addAll);
    Map<Node, StorySummary.MemberFacts> facts = reader.facts(all);
    Map<Node, Integer> citations = reader.citations(all);
    List<GraphContent> out = new ArrayList<>(groups.size());
    for (List<Node> members : groups) {
      Node story = names.story(members);
      storiesMade.add(story);
      out.add(
          new GraphContent(
              names.graphOf(story),
              StorySummary.of(story, members, facts, citations).triples(names.kind())));
    }
    return out;
  }

  private void flushIfFull(List<GraphContent> writes) {
    if (writes.size() >= WRITE_BATCH) {
      store.replaceGraphs(writes);
      writes.clear();
    }
  }
}
