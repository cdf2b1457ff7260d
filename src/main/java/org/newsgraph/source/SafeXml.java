package org.newsgraph.source;

import java.io.ByteArrayInputStream;
import org.jdom2.Document;
import org.xml.sax.InputSource;

/**
 * The hardened XML parsing of {@link FeedReader}, for other packages that read XML from outside
 * (the subscription lists of {@code org.newsgraph.subscribe}): no external DTD is loaded, no
 * external entity resolved, and any entity declaration is refused, so nothing outside the bytes is
 * ever read and nothing is expanded. Elements carry their line and column ({@link
 * org.jdom2.located.Located}).
 */
public final class SafeXml {

  private SafeXml() {}

  /**
   * Parses an XML document from its bytes (the encoding is the XML's own: byte-order mark,
   * declaration, else UTF-8).
   *
   * @throws SourceException positioned, for malformed XML or a refused entity declaration
   */
  public static Document parse(byte[] bytes) {
    return FeedReader.parse(new InputSource(new ByteArrayInputStream(bytes)));
  }

  /**
   * Whether the first element of these bytes (the first 4 KB of a document, gzip looked into) is a
   * feed's: {@code rss}, {@code feed} or {@code rdf:RDF}, as {@code ingest} recognises feeds.
   */
  public static boolean looksLikeFeed(byte[] head) {
    return FeedReader.kindOf(head) == FeedReader.Kind.FEED;
  }

  /** Whether the first element of these bytes is {@code html}: a web page, not a feed. */
  public static boolean looksLikeHtml(byte[] head) {
    return FeedReader.kindOf(head) == FeedReader.Kind.HTML;
  }
}
