package org.newsgraph.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Image;
import org.newsgraph.model.Organization;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Tag;
import org.newsgraph.model.Topic;
import org.newsgraph.model.UrlLib;

/**
 * Binds the site data files that carry a {@code taxonomy} key: topics ({@code taxonomy: topic}),
 * tags ({@code taxonomy: tag}) and organizations ({@code taxonomy: organization}). Same rules as
 * {@link ArticleBinder}: typed fields, positioned errors, unknown keys reported. Stateless.
 */
final class TaxonomyBinder {

  private TaxonomyBinder() {}

  /**
   * Binds a taxonomy record.
   *
   * @param root the record's mapping, holding a {@code taxonomy} key
   * @return the entity, or null after adding at least one error
   */
  static Entity bind(YamlValue.Mapping root, String source, List<Problem> problems) {
    int errorsBefore = ArticleBinder.errorCount(problems);
    Fields f = new Fields(root, "taxonomy record", source, problems);
    String kind = f.string("taxonomy");
    Entity entity;
    switch (kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT)) {
      case "topic" -> entity = topic(root, source, problems);
      case "tag" -> entity = tag(root, source, problems);
      case "organization", "organisation" -> entity = organization(root, source, problems);
      default -> {
        f.error(
            root.get("taxonomy").position(),
            "unknown taxonomy '" + kind + "'; expected one of: topic, tag, organization");
        return null;
      }
    }
    return ArticleBinder.errorCount(problems) > errorsBefore ? null : entity;
  }

  private static Topic topic(YamlValue.Mapping root, String source, List<Problem> problems) {
    Fields f = new Fields(root, "topic", source, problems);
    f.value("taxonomy");
    boolean complete = f.require("_id", "name");
    String id = f.name("_id");
    String name = f.name("name");
    String shortname = f.name("shortname");
    String parent = f.name("parent");
    String description = f.text("description");
    List<String> keywords = f.strings("keywords");
    List<String> hashtags = f.strings("hashtags");
    List<String> images = new ArrayList<>();
    ImageBinder.bindAll(f.list("images"), source, problems)
        .forEach(image -> images.add(image.url()));
    Map<String, Topic.Service> services = services(f, source, problems);
    f.reportUnknown();
    return complete && id != null && name != null
        ? new Topic(
            id,
            name,
            shortname,
            parent,
            description,
            keywords,
            hashtags,
            images,
            services,
            root.position())
        : null;
  }

  private static Tag tag(YamlValue.Mapping root, String source, List<Problem> problems) {
    Fields f = new Fields(root, "tag", source, problems);
    f.value("taxonomy");
    boolean complete = f.require("_id");
    String id = f.name("_id");
    List<String> parents = f.strings("parents");
    String description = f.text("description");
    String regex = f.string("regex");
    Map<String, Topic.Service> services = services(f, source, problems);
    f.reportUnknown();
    return complete && id != null
        ? new Tag(id, parents, description, regex, services, root.position())
        : null;
  }

  private static Organization organization(
      YamlValue.Mapping root, String source, List<Problem> problems) {
    Fields f = new Fields(root, "organization", source, problems);
    f.value("taxonomy");
    boolean complete = f.require("_id", "domain");
    String id = f.name("_id");
    String name = f.text("name");
    String domain = f.name("domain");
    String description = f.text("description");
    List<String> otherNames = f.strings("otherNames");
    List<Image> images = ImageBinder.bindAll(f.list("images"), source, problems);
    f.reportUnknown();
    if (!complete || id == null || domain == null) {
      return null;
    }
    domain = domain.toLowerCase(Locale.ROOT);
    if (!ArticleBinder.HOST_NAME.matcher(domain).matches()) {
      f.error(
          root.get("domain").position(),
          "organization domain is not a host name: '" + domain + "'");
      return null;
    }
    return new Organization(
        id,
        name == null ? null : name.strip(),
        domain,
        description,
        otherNames,
        images,
        root.position());
  }

  /**
   * The {@code services} mapping: each value a URL, or a mapping {@code {url, volume}} (tag files).
   */
  private static Map<String, Topic.Service> services(
      Fields f, String source, List<Problem> problems) {
    Map<String, Topic.Service> out = new LinkedHashMap<>();
    YamlValue.Mapping map = f.mapping("services");
    if (map == null) {
      return out;
    }
    for (Map.Entry<String, YamlValue> entry : map.entries().entrySet()) {
      YamlValue value = entry.getValue();
      String url;
      Long volume = null;
      if (value instanceof YamlValue.Mapping service) {
        Fields g = new Fields(service, "service '" + entry.getKey() + "'", source, problems);
        url = g.url("url");
        volume = g.integer("volume");
        g.reportUnknown();
      } else if (value instanceof YamlValue.Scalar scalar && !scalar.isNull()) {
        url = serviceUrl(scalar, source, problems);
      } else {
        problems.add(
            Problem.error(
                source,
                value.position(),
                "service '"
                    + entry.getKey()
                    + "' must be a URL or a mapping with url and volume, found "
                    + value.kindName()));
        continue;
      }
      if (url != null) {
        out.put(entry.getKey(), new Topic.Service(url, volume));
      }
    }
    return out;
  }

  private static String serviceUrl(YamlValue.Scalar scalar, String source, List<Problem> problems) {
    try {
      return UrlLib.clean(scalar.text());
    } catch (IllegalArgumentException e) {
      problems.add(
          Problem.error(source, scalar.position(), "service URL is not valid: " + e.getMessage()));
      return null;
    }
  }
}
