package org.newsgraph.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tag of a site's tag list ({@code _data/tags/*.yaml}, {@code taxonomy: tag}).
 *
 * @param id the tag identifier ({@code _id}), never null
 * @param parents ids of broader tags, in file order
 * @param description a description, or null
 * @param regex the pattern the site uses to tag articles, kept verbatim, or null
 * @param services service name to URL and volume, in file order
 * @param position where the mapping starts
 */
public record Tag(
    String id,
    List<String> parents,
    String description,
    String regex,
    Map<String, Topic.Service> services,
    Position position)
    implements Entity {

  /** Validates and copies. */
  public Tag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
    parents = List.copyOf(parents);
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
  }
}
