package org.newsgraph.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;

/**
 * Binds a record's YAML mapping to an {@link Article}: every field typed, every wrong value a
 * positioned error, every unknown key a warning. A {@code related} entry is bound with the same
 * rules (all fields but a nested {@code related}). Stateless and thread-safe.
 */
public final class ArticleBinder {

  static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  /** Creates a binder. */
  public ArticleBinder() {}

  /**
   * Binds one article record.
   *
   * @param root the record's top-level mapping
   * @param body the Markdown after the front matter, or null when the record has none
   * @param source the file name for problems
   * @param problems receives errors and warnings
   * @return the article, or null when an error makes the record unusable (then at least one error
   *     was added)
   */
  public Article bind(YamlValue.Mapping root, String body, String source, List<Problem> problems) {
    return bindArticle(root, body, source, problems, true);
  }

  /**
   * Binds an article record that has no Markdown body; see {@link #bind(YamlValue.Mapping, String,
   * String, List)}.
   */
  public Article bind(YamlValue.Mapping root, String source, List<Problem> problems) {
    return bindArticle(root, null, source, problems, true);
  }

  private Article bindArticle(
      YamlValue.Mapping map, String body, String source, List<Problem> problems, boolean topLevel) {
    int errorsBefore = errorCount(problems);
    String what = topLevel ? "article" : "related article";
    Fields f = new Fields(map, what, source, problems);
    requireFields(map, f, what);
    String webUrl = f.url("webUrl");
    String originalUrl = f.url("originalUrl");
    String title = f.text("title");
    String category = f.string("category");
    String excerpt = f.text("excerpt");
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
    List<Image> images = ImageBinder.bindAll(f.list("images"), source, problems);
    List<Article> related = topLevel ? bindRelated(f, source, problems) : List.of();
    String secured = f.string("secured");
    Article.Extra extra = bindExtra(f, body);
    f.reportUnknown();
    if (errorCount(problems) > errorsBefore) {
      return null;
    }
    return new Article(
        category,
        title,
        excerpt,
        published,
        updated,
        originalUrl,
        webUrl,
        amp,
        cdnAmp,
        type,
        quality,
        heat,
        publishedFlag,
        provider,
        topics,
        images,
        related,
        secured,
        extra,
        map.position());
  }

  /** One error listing every required field that is missing: a title, and webUrl or originalUrl. */
  private static void requireFields(YamlValue.Mapping map, Fields f, String what) {
    List<String> missing = new ArrayList<>();
    if (isAbsent(map.get("title"))) {
      missing.add("title");
    }
    if (isAbsent(map.get("webUrl")) && isAbsent(map.get("originalUrl"))) {
      missing.add("webUrl (or originalUrl)");
    }
    if (!missing.isEmpty()) {
      f.error(
          map.position(),
          what
              + " is missing required field"
              + (missing.size() > 1 ? "s" : "")
              + ": "
              + String.join(", ", missing));
    }
  }

  private static boolean isAbsent(YamlValue value) {
    return value == null || (value instanceof YamlValue.Scalar scalar && scalar.isNull());
  }

  private List<Article> bindRelated(Fields f, String source, List<Problem> problems) {
    List<Article> related = new ArrayList<>();
    for (YamlValue item : f.list("related")) {
      if (item instanceof YamlValue.Mapping entry) {
        Article article = bindArticle(entry, null, source, problems, false);
        if (article != null) {
          related.add(article);
        }
      } else {
        f.error(item.position(), "items of 'related' must be mappings, found " + item.kindName());
      }
    }
    return related;
  }

  private static Article.Extra bindExtra(Fields f, String body) {
    String sourceUrl = f.url("sourceUrl");
    String featured = f.string("featuredContent");
    String highlight = f.string("highlight");
    String content = f.string("content");
    if (content == null && body != null && !body.isBlank()) {
      content = body.strip(); // the blank lines around a Markdown body are layout, not content
    }
    if (content != null && content.isBlank()) {
      content = null; // the API writes "\r\n" for "no content"
    }
    String locale = f.string("locale");
    List<String> categories = f.strings("categories");
    List<String> tags = f.strings("tags");
    String path = f.string("path");
    return new Article.Extra(
        sourceUrl, featured, highlight, content, locale, categories, tags, path, null);
  }

  private Provider bindProvider(
      YamlValue.Mapping map,
      String source,
      List<Problem> problems,
      String webUrl,
      String originalUrl) {
    if (map == null) {
      return null;
    }
    Fields f = new Fields(map, "provider", source, problems);
    String name = f.text("name");
    String domain = f.string("domain");
    List<Image> images = ImageBinder.bindAll(f.list("images"), source, problems);
    List<String> publishers = names(f, "publishers", source, problems);
    List<String> authors = names(f, "authors", source, problems);
    f.reportUnknown();
    if (domain == null || domain.isBlank()) {
      String url = webUrl != null ? webUrl : originalUrl;
      if (url == null) {
        f.error(
            map.position(), "provider has no domain and the article has no URL to take it from");
        return null;
      }
      domain = UrlLib.domainOf(url);
    }
    domain = domain.strip().toLowerCase(Locale.ROOT);
    if (!HOST_NAME.matcher(domain).matches()) {
      f.error(
          map.get("domain") != null ? map.get("domain").position() : map.position(),
          "provider domain is not a host name: '" + domain + "'");
      return null;
    }
    return new Provider(name, domain, images, publishers, authors, map.position());
  }

  /** A list of names: each item a string, or a mapping with a {@code name}. */
  private static List<String> names(Fields f, String key, String source, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (YamlValue item : f.list(key)) {
      if (item instanceof YamlValue.Scalar scalar) {
        if (!scalar.isNull()) {
          out.add(HtmlText.decode(scalar.text()).strip());
        }
      } else if (item instanceof YamlValue.Mapping entry) {
        Fields g = new Fields(entry, key.substring(0, key.length() - 1), source, problems);
        if (g.require("name")) {
          out.add(g.text("name").strip());
        }
        g.reportUnknown();
      } else {
        f.error(item.position(), "items of '" + key + "' must be names, found " + item.kindName());
      }
    }
    return out;
  }

  static int errorCount(List<Problem> problems) {
    int count = 0;
    for (Problem problem : problems) {
      if (problem.isError()) {
        count++;
      }
    }
    return count;
  }
}
