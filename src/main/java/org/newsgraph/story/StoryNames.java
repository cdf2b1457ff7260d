package org.newsgraph.story;

import java.util.Collection;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The names the story materialisation mints under a data base IRI: a story is named after the
 * smallest IRI among its members, so the same membership always gives the same story node and graph
 * ({@code {base}story/{key}}, {@code {base}graph/story/{key}}; {@code given-story} for the stories
 * of the records' links alone, see {@link StoryKind}). Immutable and thread-safe.
 */
public final class StoryNames {

  /** The class of stories. */
  public static final Node STORY = NewsVocab.news("Story");

  /** Links an article to its story. */
  public static final Node IN_STORY = NewsVocab.news("inStory");

  private final String base;
  private final StoryKind kind;

  /** Names of the stories over every link, under a factory's base IRI. */
  public StoryNames(IriFactory iris) {
    this(iris, StoryKind.ALL);
  }

  /** Names of one kind of story under a factory's base IRI. */
  public StoryNames(IriFactory iris, StoryKind kind) {
    this.base = iris.base();
    this.kind = kind;
  }

  /** The kind of story named. */
  public StoryKind kind() {
    return kind;
  }

  /** The story node of a set of members (at least one). */
  public Node story(Collection<Node> members) {
    return NodeFactory.createURI(base + kind.path() + "/" + key(members));
  }

  /** The graph holding the membership of a story node made by {@link #story(Collection)}. */
  public Node graphOf(Node story) {
    String iri = story.getURI();
    return NodeFactory.createURI(
        base + "graph/" + kind.path() + "/" + iri.substring(iri.lastIndexOf('/') + 1));
  }

  /** Whether a graph name is a story graph. */
  public boolean isStoryGraph(Node graph) {
    return graph.isURI() && graph.getURI().startsWith(base + "graph/" + kind.path() + "/");
  }

  /**
   * The article a record graph describes: every related link of a record starts at that article, so
   * it is where a changed record can have added or removed links.
   *
   * @return the article node, or null when the graph is not an article record's graph
   */
  public Node articleOfRecordGraph(Node graph) {
    String prefix = base + "graph/article/";
    if (!graph.isURI() || !graph.getURI().startsWith(prefix)) {
      return null;
    }
    return NodeFactory.createURI(base + "article/" + graph.getURI().substring(prefix.length()));
  }

  private static String key(Collection<Node> members) {
    String smallest = null;
    for (Node member : members) {
      String iri = member.getURI();
      if (smallest == null || iri.compareTo(smallest) < 0) {
        smallest = iri;
      }
    }
    if (smallest == null) {
      throw new IllegalArgumentException("a story needs at least one member");
    }
    return IriFactory.articleKey(smallest);
  }
}
