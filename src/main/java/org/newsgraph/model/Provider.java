package org.newsgraph.model;

import java.util.List;
import java.util.Objects;

/**
 * The organisation that published an article, identified by its web domain.
 *
 * @param name the display name as the record gives it, or null
 * @param domain the registrable domain, lower case, never null (it is the provider's identity)
 * @param images logos of the provider, possibly empty
 * @param publishers publisher names the record gives, in record order
 * @param authors author names the record gives, in record order
 * @param position where the provider mapping starts in its file
 */
public record Provider(
    String name,
    String domain,
    List<Image> images,
    List<String> publishers,
    List<String> authors,
    Position position) {

  /** Validates and copies. */
  public Provider {
    Objects.requireNonNull(domain, "domain");
    images = List.copyOf(images);
    publishers = List.copyOf(publishers);
    authors = List.copyOf(authors);
  }

  /** A provider with no publishers or authors. */
  public Provider(String name, String domain, List<Image> images, Position position) {
    this(name, domain, images, List.of(), List.of(), position);
  }
}
