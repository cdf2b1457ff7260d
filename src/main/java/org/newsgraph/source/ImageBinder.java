package org.newsgraph.source;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;
import org.newsgraph.model.UrlLib;

/** Binds {@code images} lists of articles, providers and organizations. Stateless. */
final class ImageBinder {

  private ImageBinder() {}

  /**
   * Binds every item of an images list: a mapping with {@code url} (and width, height, title,
   * attribution, isCached), or a bare URL string.
   */
  static List<Image> bindAll(List<YamlValue> items, String source, List<Problem> problems) {
    List<Image> images = new ArrayList<>();
    for (YamlValue item : items) {
      if (item instanceof YamlValue.Scalar scalar) {
        String url = scalar.isNull() ? null : checkedUrl(scalar.text(), item, source, problems);
        if (url != null) {
          images.add(new Image(url, null, null, null, null, null, item.position()));
        }
        continue;
      }
      if (!(item instanceof YamlValue.Mapping map)) {
        problems.add(
            Problem.error(
                source,
                item.position(),
                "items of 'images' must be mappings or URLs, found " + item.kindName()));
        continue;
      }
      Fields f = new Fields(map, "image", source, problems);
      if (!f.require("url")) {
        continue;
      }
      String url = checkedUrl(f.string("url"), map.get("url"), source, problems);
      Long width = f.integer("width");
      Long height = f.integer("height");
      String title = f.text("title");
      String attribution = f.text("attribution");
      Boolean cached = f.bool("isCached");
      f.reportUnknown();
      if (url != null) {
        images.add(new Image(url, width, height, title, attribution, cached, map.position()));
      }
    }
    return images;
  }

  /**
   * A site-relative path ({@code /assets/...}, kept as written) or an absolute http(s) URL cleaned
   * by {@link UrlLib#clean(String)}; anything else is an error at the value.
   */
  private static String checkedUrl(
      String text, YamlValue at, String source, List<Problem> problems) {
    String url = text.strip();
    if (url.startsWith("/") && !url.startsWith("//")) {
      return url;
    }
    try {
      return UrlLib.clean(url);
    } catch (IllegalArgumentException e) {
      problems.add(
          Problem.error(
              source, at.position(), "image 'url' is not a valid URL: " + e.getMessage()));
      return null;
    }
  }
}
