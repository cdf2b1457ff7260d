package org.newsgraph.story;

import org.apache.jena.graph.Node;
import org.newsgraph.vocab.NewsVocab;

/**
 * The two families of stories a store keeps: over every coverage link (the default every query
 * reads), and over the records' own related links alone (what {@code links=given} reads). Each has
 * its own graphs, class and membership property, so that a client that counts {@code news:Story} or
 * follows {@code news:inStory} sees one story per article.
 */
public enum StoryKind {
  /** Stories over the records' related links and the inferred same-story links. */
  ALL(
      "story",
      NewsVocab.news("Story"),
      NewsVocab.news("inStory"),
      NewsVocab.news("citationCount"),
      true),
  /** Stories over the records' related links alone. */
  GIVEN(
      "given-story",
      NewsVocab.news("GivenStory"),
      NewsVocab.news("inGivenStory"),
      NewsVocab.news("givenCitationCount"),
      false);

  private final String path;
  private final Node storyClass;
  private final Node membership;
  private final Node citationCount;
  private final boolean inferred;

  StoryKind(String path, Node storyClass, Node membership, Node citationCount, boolean inferred) {
    this.path = path;
    this.storyClass = storyClass;
    this.membership = membership;
    this.citationCount = citationCount;
    this.inferred = inferred;
  }

  /** The path segment of its story IRIs ({@code {base}PATH/key}) and graphs. */
  public String path() {
    return path;
  }

  /** The class of its stories. */
  public Node storyClass() {
    return storyClass;
  }

  /** The property linking an article to its story of this kind. */
  public Node membership() {
    return membership;
  }

  /**
   * The property giving, in the story graph, how many distinct other articles link to a member by
   * the links this kind of story is made of (what {@code top-linked} ranks by).
   */
  public Node citationCount() {
    return citationCount;
  }

  /** Whether inferred same-story links join its stories. */
  public boolean inferred() {
    return inferred;
  }
}
