package org.newsgraph.model;

import java.util.List;
import java.util.Objects;

/**
 * One news article as an aggregator record describes it, or as a {@code related} entry of another
 * record describes it (then {@link #related()} is empty). Optional fields are null, lists are never
 * null. Dates are kept as the lexical form the author wrote, already checked to be an {@code
 * xsd:dateTime}; URLs are kept as written and canonicalised by {@link UrlLib}; text fields have had
 * their HTML entities decoded once.
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
 * @param extra the fields the JSON API and richer records add
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
    Extra extra,
    Position position)
    implements Entity {

  /** Validates and copies the lists. */
  public Article {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(extra, "extra");
    topics = List.copyOf(topics);
    images = List.copyOf(images);
    related = List.copyOf(related);
    if (webUrl == null && originalUrl == null) {
      throw new IllegalArgumentException("an article needs webUrl or originalUrl");
    }
  }

  /** An article without the extra fields (the shape of the seed records). */
  public Article(
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
    this(
        category,
        title,
        excerpt,
        publishedDateTime,
        updatedDateTime,
        originalUrl,
        webUrl,
        ampWebUrl,
        cdnAmpWebUrl,
        type,
        quality,
        heat,
        published,
        provider,
        topics,
        images,
        related,
        secured,
        Extra.NONE,
        position);
  }

  /** The URL that identifies the article: webUrl, else originalUrl (never null). */
  public String identifyingUrl() {
    return webUrl != null ? webUrl : originalUrl;
  }

  /**
   * The fields the JSON API pages and richer records carry besides the seed's.
   *
   * @param sourceUrl the URL of the item the article is based on (e.g. a video page), or null
   * @param featuredContent embedded HTML (a video player...), verbatim, or null
   * @param highlight the aggregator's highlight text, verbatim, or null
   * @param content the body text (the Markdown after the front matter, or the API's content), or
   *     null when empty
   * @param locale the language tag ("en-us"), or null
   * @param categories category names, in record order
   * @param tags tag names, in record order
   * @param path the record's path in its site ("_news/....md"), or null
   * @param identifier the identifier a feed gives its item (RSS {@code guid}, RSS 1.0 {@code
   *     rdf:about}, Atom {@code id}), as written, or null
   * @param mentions entities of other vocabularies (Wikidata...) that a page's JSON-LD says the
   *     article is about or mentions, in page order
   */
  public record Extra(
      String sourceUrl,
      String featuredContent,
      String highlight,
      String content,
      String locale,
      List<String> categories,
      List<String> tags,
      String path,
      String identifier,
      List<Mention> mentions) {

    /** No extra field at all. */
    public static final Extra NONE =
        new Extra(null, null, null, null, null, List.of(), List.of(), null, null);

    /** Copies the lists. */
    public Extra {
      categories = List.copyOf(categories);
      tags = List.copyOf(tags);
      mentions = List.copyOf(mentions);
    }

    /** The fields of every input but pages: no mentions. */
    public Extra(
        String sourceUrl,
        String featuredContent,
        String highlight,
        String content,
        String locale,
        List<String> categories,
        List<String> tags,
        String path,
        String identifier) {
      this(
          sourceUrl,
          featuredContent,
          highlight,
          content,
          locale,
          categories,
          tags,
          path,
          identifier,
          List.of());
    }
  }

  /**
   * An entity of another vocabulary that a page says the article is about or mentions: JSON-LD
   * {@code about} or {@code mentions} whose {@code sameAs} (or {@code @id}) is an http(s) IRI.
   *
   * @param about true for {@code about}, false for {@code mentions}
   * @param iri the entity's IRI, a Wikidata item in its entity form ({@code
   *     http://www.wikidata.org/entity/Q42}) when the page gave its wiki page
   * @param name the name the page gives the entity, or null
   */
  public record Mention(boolean about, String iri, String name) {

    /** Validates that the IRI is given. */
    public Mention {
      Objects.requireNonNull(iri, "iri");
    }
  }
}
