package org.newsgraph.model;

/**
 * What one source record describes: an article, a topic of the taxonomy, a tag, or an organization.
 * Every kind knows where its mapping starts in its file, so that problems can point at it.
 */
public sealed interface Entity permits Article, Topic, Tag, Organization {

  /** Where the entity's mapping starts in its file, 1-based. */
  Position position();
}
