package org.newsgraph.source;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;

/**
 * Binds a record's YAML mapping to an {@link Article}: every field typed, every wrong value a
 * positioned error, every unknown key a warning. Stateless and thread-safe.
 */
public final class ArticleBinder {

  /** Creates a binder. */
  public ArticleBinder() {}

  /**
   * Binds one article record.
   *
   * @param root the record's top-level mapping
   * @param source the file name for problems
   * @param problems receives errors and warnings
   * @return the article, or null when an error makes the record unusable (then at least one error
   *     was added)
   */
  public Article bind(YamlValue.Mapping root, String source, List<Problem> problems) {
    return bindArticle(root, source, problems, true);
  }

  private Article bindArticle(
      YamlValue.Mapping map, String source, List<Problem> problems, boolean topLevel) {
    int errorsBefore = errorCount(problems);
    Fields f = new Fields(map, topLevel ? "article" : "related article", source, problems);
    f.require("title");
    String webUrl = f.url("webUrl");
    String originalUrl = f.url("originalUrl");
    if (map.get("webUrl") == null && map.get("originalUrl") == null) {
      f.error(map.position(), (topLevel ? "article" : "related article")
          + " is missing required field: webUrl or originalUrl");
    }
    String title = f.string("title");
    String category = f.string("category");
    String excerpt = f.string("excerpt");
    String published = f.dateTime("publishedDateTime");
    String updated = f.dateTime("updatedDateTime");
    String amp = f.url("ampWebUrl");
    String cdnAmp = f.url("cdnAmpWebUrl");
    String type = f.string("type");
    Long quality = f.integer("quality");
    Long heat = f.integer("heat");
    Boolean publishedFlag = f.bool("published");
    Provider provider = bindProvider(f.mapping("provider"), source, problems, webUrl, originalUrl);
    List<String> topics = f.strings("topics");
    List<Image> images = bindImages(f.list("images"), source, problems);
    List<Article> related = new ArrayList<>();
    if (topLevel) {
      for (YamlValue item : f.list("related")) {
        if (item instanceof YamlValue.Mapping entry) {
          Article article = bindArticle(entry, source, problems, false);
          if (article != null) {
            related.add(article);
          }
        } else {
          f.error(item.position(), "items of 'related' must be mappings, found " + item.kindName());
        }
      }
    }
    String secured = topLevel ? f.string("secured") : null;
    reportUnknown(f, topLevel ? "article" : "related article", source, problems);
    if (errorCount(problems) > errorsBefore) {
      return null;
    }
    return new Article(category, title, excerpt, published, updated, originalUrl, webUrl, amp, cdnAmp,
        type, quality, heat, publishedFlag, provider, topics, images, related, secured, map.position());
  }

  private Provider bindProvider(
      YamlValue.Mapping map, String source, List<Problem> problems, String webUrl, String originalUrl) {
    if (map == null) {
      return null;
    }
    Fields f = new Fields(map, "provider", source, problems);
    String name = f.string("name");
    String domain = f.string("domain");
    List<Image> images = bindImages(f.list("images"), source, problems);
    reportUnknown(f, "provider", source, problems);
    if (domain == null || domain.isBlank()) {
      String url = webUrl != null ? webUrl : originalUrl;
      if (url == null) {
        f.error(map.position(), "provider has no domain and the article has no URL to take it from");
        return null;
      }
      domain = UrlLib.domainOf(url);
    }
    domain = domain.strip().toLowerCase(java.util.Locale.ROOT);
    if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
      f.error(map.get("domain") != null ? map.get("domain").position() : map.position(),
          "provider domain is not a host name: '" + domain + "'");
      return null;
    }
    return new Provider(name, domain, images, map.position());
  }

  private List<Image> bindImages(List<YamlValue> items, String source, List<Problem> problems) {
    List<Image> images = new ArrayList<>();
    for (YamlValue item : items) {
      if (item instanceof YamlValue.Scalar scalar && !scalar.isNull()) {
        images.add(new Image(scalar.text(), null, null, null, null, null, item.position()));
        continue;
      }
      if (!(item instanceof YamlValue.Mapping map)) {
        problems.add(Problem.error(source, item.position(),
            "items of 'images' must be mappings or URLs, found " + item.kindName()));
        continue;
      }
      Fields f = new Fields(map, "image", source, problems);
      if (!f.require("url")) {
        continue;
      }
      String url = f.string("url");
      Long width = f.integer("width");
      Long height = f.integer("height");
      String title = f.string("title");
      String attribution = f.string("attribution");
      Boolean cached = f.bool("isCached");
      reportUnknown(f, "image", source, problems);
      images.add(new Image(url, width, height, title, attribution, cached, map.position()));
    }
    return images;
  }

  private static void reportUnknown(Fields f, String what, String source, List<Problem> problems) {
    for (String key : f.unread()) {
      problems.add(Problem.warning(source, f.keyPosition(key),
          "unknown key '" + key + "' in " + what + " (not mapped)"));
    }
  }

  private static int errorCount(List<Problem> problems) {
    int count = 0;
    for (Problem problem : problems) {
      if (problem.isError()) {
        count++;
      }
    }
    return count;
  }
}
