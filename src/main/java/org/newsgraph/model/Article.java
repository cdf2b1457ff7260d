package org.newsgraph.model;

import java.util.List;
import java.util.Objects;

/**
 * One news article as an aggregator record describes it, or as a {@code related} entry of another
 * record describes it (then {@link #related()} is empty). Optional fields are null, lists are never
 * null. Dates are kept as the lexical form the author wrote, already checked to be an {@code
 * xsd:dateTime}; URLs are kept as written and canonicalised by {@link UrlLib}.
 *
 * @param category record category (e.g. "news"), or null
 * @param title the headline
 * @param excerpt the summary, or null
 * @param publishedDateTime publication time, lexical xsd:dateTime, or null
 * @param updatedDateTime last update time, lexical xsd:dateTime, or null
 * @param originalUrl the URL the aggregator found, or null
 * @param webUrl the article's web URL, or null
 * @param ampWebUrl the AMP URL, or null
 * @param cdnAmpWebUrl the AMP cache URL, or null
 * @param type the kind of item ("article", "video", ...), or null
 * @param quality aggregator quality score, or null
 * @param heat aggregator heat score, or null ({@code -1} in the data means unknown and is kept)
 * @param published the aggregator's publication flag, or null
 * @param provider who published it, or null
 * @param topics topic names in record order
 * @param images images in record order
 * @param related other articles covering the same story, in record order
 * @param secured the opaque signed blob, verbatim, or null
 * @param position where the article's mapping starts in its file
 */
public record Article(
    String category,
    String title,
    String excerpt,
    String publishedDateTime,
    String updatedDateTime,
    String originalUrl,
    String webUrl,
    String ampWebUrl,
    String cdnAmpWebUrl,
    String type,
    Long quality,
    Long heat,
    Boolean published,
    Provider provider,
    List<String> topics,
    List<Image> images,
    List<Article> related,
    String secured,
    Position position) {

  /** Validates and copies the lists. */
  public Article {
    Objects.requireNonNull(position, "position");
    topics = List.copyOf(topics);
    images = List.copyOf(images);
    related = List.copyOf(related);
    if (webUrl == null && originalUrl == null) {
      throw new IllegalArgumentException("an article needs webUrl or originalUrl");
    }
  }

  /** The URL that identifies the article: webUrl, else originalUrl (never null). */
  public String identifyingUrl() {
    return webUrl != null ? webUrl : originalUrl;
  }
}
