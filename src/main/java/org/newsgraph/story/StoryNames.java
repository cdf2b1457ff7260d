package org.newsgraph.story;

import java.util.Collection;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The names the story materialisation mints under a data base IRI: a story is named after the
 * smallest IRI among its members, so the same membership always gives the same story node and graph
 * ({@code {base}story/{key}}, {@code {base}graph/story/{key}}). Immutable and thread-safe.
 */
public final class StoryNames {

  /** The class of stories. */
  public static final Node STORY = NewsVocab.news("Story");

  /** Links an article to its story. */
  public static final Node IN_STORY = NewsVocab.news("inStory");

  private final String base;

  /** Names under a factory's base IRI. */
  public StoryNames(IriFactory iris) {
    this.base = iris.base();
  }

  /** The story node of a set of members (at least one). */
  public Node story(Collection<Node> members) {
    return NodeFactory.createURI(base + "story/" + key(members));
  }

  /** The graph holding the membership of a story node made by {@link #story(Collection)}. */
  public Node graphOf(Node story) {
    String iri = story.getURI();
    return NodeFactory.createURI(base + "graph/story/" + iri.substring(iri.lastIndexOf('/') + 1));
  }

  /** Whether a graph name is a story graph. */
  public boolean isStoryGraph(Node graph) {
    return graph.isURI() && graph.getURI().startsWith(base + "graph/story/");
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
