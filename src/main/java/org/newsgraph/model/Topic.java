package org.newsgraph.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A concept of a site's topic taxonomy ({@code taxonomy: topic} files).
 *
 * @param id the taxonomy identifier ({@code _id}), never null
 * @param name the display name, never null
 * @param shortname a short display name, or null
 * @param parent the name or id of the broader topic, or null for a top concept
 * @param description a one-line description, or null
 * @param keywords words that mark an article as being about the topic, in file order
 * @param hashtags social media hashtags, kept as written (with their {@code #})
 * @param images image URLs, in file order
 * @param services service name to URL (news, learning, ...), in file order
 * @param position where the mapping starts
 */
public record Topic(
    String id,
    String name,
    String shortname,
    String parent,
    String description,
    List<String> keywords,
    List<String> hashtags,
    List<String> images,
    Map<String, Service> services,
    Position position)
    implements Entity {

  /** Validates and copies. */
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    keywords = List.copyOf(keywords);
    hashtags = List.copyOf(hashtags);
    images = List.copyOf(images);
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
  }

  /**
   * A site service that lists items of a topic or tag (an API folder).
   *
   * @param url the service URL
   * @param volume how many items the service lists, or null when not given
   */
  public record Service(String url, Long volume) {

    /** Validates. */
    public Service {
      Objects.requireNonNull(url, "url");
    }
  }
}
