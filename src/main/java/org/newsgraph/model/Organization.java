package org.newsgraph.model;

import java.util.List;
import java.util.Objects;

/**
 * An organization record ({@code taxonomy: organization}): the authoritative description of a
 * provider, whose name wins over what citing records say.
 *
 * @param id the record identifier ({@code _id}), never null
 * @param name the display name, or null
 * @param domain the web domain, lower case, never null (it is the provider's identity)
 * @param description a description, or null
 * @param otherNames other names the organization is known by, in file order
 * @param images logos, in file order
 * @param position where the mapping starts
 */
public record Organization(
    String id,
    String name,
    String domain,
    String description,
    List<String> otherNames,
    List<Image> images,
    Position position)
    implements Entity {

  /** Validates and copies. */
  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(position, "position");
    otherNames = List.copyOf(otherNames);
    images = List.copyOf(images);
  }
}
