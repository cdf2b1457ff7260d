package org.newsgraph.source;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndImage;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.JDOMFactory;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.located.Located;
import org.jdom2.located.LocatedJDOMFactory;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom 1.0 feeds (optionally gzip-compressed) into one article
 * {@link Record} per item, each carrying the feed's {@link Record.Snapshot snapshot time}. The XML
 * is parsed by our own JDOM builder, which never resolves an external entity or loads a DTD and
 * refuses every entity declaration (so neither XXE nor entity expansion can happen); ROME then
 * reads the document. Every failure is a positioned {@link Problem}; this class never throws for
 * bad input. Thread-safe.
 */
final class FeedReader {

  private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");
  private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  private static final Namespace RDF =
      Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  private static final Namespace RSS_1 = Namespace.getNamespace("http://purl.org/rss/1.0/");

  /** The first element of an XML text, after the prolog (declaration, comments, DOCTYPE, PIs). */
  private static final Pattern FIRST_ELEMENT =
      Pattern.compile(
          "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]|\\[.*?\\])*>)*<([A-Za-z_][\\w.:-]*)",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final ReaderLimits limits;

  FeedReader(ReaderLimits limits) {
    this.limits = limits;
  }

  /** What the first bytes of a file say it is. */
  enum Kind {
    /** Its first element is {@code rss}, {@code feed} or {@code RDF}. */
    FEED,
    /** Its first element is {@code html}: a web page (an error page saved where a feed was). */
    HTML,
    /** Another XML document (a sitemap...), or not XML at all. */
    OTHER
  }

  /** True for the names of feed files: {@code .xml}, {@code .rss}, {@code .atom}, and gzip. */
  static boolean isFeedName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom");
  }

  /** True for the names that claim a feed ({@code .rss}, {@code .atom}), gzip or not. */
  static boolean claimsFeed(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".rss") || name.endsWith(".atom");
  }

  /**
   * What a file's first bytes are, read as ASCII-compatible text (the markup of every feed encoding
   * but UTF-16 is ASCII); gzip is looked into.
   */
  static Kind kindOf(byte[] head) {
    byte[] bytes = head;
    if (isGzip(bytes)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
        bytes = in.readNBytes(4096);
      } catch (IOException e) {
        // a cut gzip head still inflates its first bytes; one that cannot is not a feed we know
        return Kind.OTHER;
      }
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\u00EF\u00BB\u00BF")) {
      text = text.substring(3);
    }
    Matcher m = FIRST_ELEMENT.matcher(text);
    if (!m.find()) {
      return Kind.OTHER;
    }
    String name = m.group(1);
    String local = name.substring(name.indexOf(':') + 1);
    if (name.equals("rss") || name.equals("feed") || local.equals("RDF")) {
      return Kind.FEED;
    }
    return local.equalsIgnoreCase("html") ? Kind.HTML : Kind.OTHER;
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
  }

  /**
   * Reads one feed document.
   *
   * @param bytes the file's bytes (gzip is inflated, up to the size cap)
   * @param name the file as the user named it, for problems and records
   * @param fileTime the file's modification time in milliseconds, or {@link Long#MIN_VALUE}
   * @return one article record per item with a usable link; no records when any error was found
   */
  ReadResult read(byte[] bytes, String name, long fileTime) {
    List<Problem> problems = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    try {
      Document document = parse(source(limits.inflate(bytes, "compressed feed"), name, problems));
      readDocument(document, name, fileTime, problems, records);
    } catch (SourceException e) {
      problems.add(e.toProblem(name));
    }
    boolean rejected = problems.stream().anyMatch(Problem::isError);
    return new ReadResult(rejected ? List.of() : records, problems, "feed");
  }

  /**
   * The XML input: the bytes, for the parser to decode by the XML rules (byte-order mark, encoding
   * declaration, else UTF-8). Real feeds without a declaration are sometimes in a Latin encoding;
   * such a file that is not UTF-8 is read as windows-1252, with a warning, as feed readers do.
   */
  private static InputSource source(byte[] bytes, String name, List<Problem> problems) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
    boolean declared = head.startsWith("<?xml") && head.matches("(?s)<\\?xml[^>]*encoding.*");
    boolean bom =
        bytes.length >= 2
            && ((bytes[0] & 0xFF) == 0xEF
                || (bytes[0] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFF);
    if (!declared && !bom && !isUtf8(bytes)) {
      problems.add(
          Problem.warning(
              name, Position.START, "not UTF-8 and no encoding declared: read as windows-1252"));
      return new InputSource(new StringReader(new String(bytes, Charset.forName("windows-1252"))));
    }
    return new InputSource(new ByteArrayInputStream(bytes));
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The most levels of elements a feed (or OPML list) may nest; real ones nest a dozen. */
  static final int MAX_DEPTH = 256;

  /** Parses XML safely, with every element's position (also for {@link SafeXml}). */
  static Document parse(InputSource source) {
    RefusingHandler[] current = new RefusingHandler[1];
    SAXBuilder builder =
        new SAXBuilder(
            XMLReaders.NONVALIDATING,
            factory -> {
              RefusingHandler handler = new RefusingHandler(factory);
              current[0] = handler;
              return handler;
            },
            new LocatedJDOMFactory());
    // Nothing outside the file is ever read: no external DTD, no external entity (the resolver
    // answers any request with nothing), and an entity declaration of any kind is an error.
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setEntityResolver(
        (publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
    builder.setExpandEntities(false); // JDOM then passes entity declarations to the handler
    builder.setReuseParser(false);
    try {
      return builder.build(source);
    } catch (JDOMParseException e) {
      Throwable cause = e.getCause();
      String message = cause instanceof SAXException sax ? sax.getMessage() : e.getMessage();
      throw new SourceException(
          position(e.getLineNumber(), e.getColumnNumber()), "malformed XML: " + message);
    } catch (SourceException e) {
      throw e;
    } catch (RuntimeException e) {
      // JDOM's checks of names and characters (a namespace URI starting with a space...)
      Locator at = current[0] == null ? null : current[0].getDocumentLocator();
      throw new SourceException(
          at == null ? Position.START : position(at.getLineNumber(), at.getColumnNumber()),
          "malformed XML: " + e.getMessage());
    } catch (JDOMException | IOException e) {
      throw new SourceException(Position.START, "malformed XML: " + e.getMessage());
    }
  }

  private static Position position(int line, int column) {
    return new Position(Math.max(1, line), Math.max(1, column));
  }

  private static Position positionOf(Element element) {
    return element instanceof Located located
        ? position(located.getLine(), located.getColumn())
        : Position.START;
  }

  /** JDOM's handler, refusing entity declarations (XXE, entity expansion). */
  private static final class RefusingHandler extends SAXHandler {
    private int depth;

    RefusingHandler(JDOMFactory factory) {
      super(factory);
    }

    @Override
    public void startElement(
        String namespaceURI, String localName, String qName, org.xml.sax.Attributes atts)
        throws SAXException {
      if (++depth > MAX_DEPTH) {
        // ROME walks XHTML content recursively: a deep enough nest would overflow the stack.
        Locator at = getDocumentLocator();
        throw new SourceException(
            at == null ? Position.START : position(at.getLineNumber(), at.getColumnNumber()),
            "malformed XML: elements nested deeper than " + MAX_DEPTH + " levels");
      }
      super.startElement(namespaceURI, localName, qName, atts);
    }

    @Override
    public void endElement(String namespaceURI, String localName, String qName)
        throws SAXException {
      depth--;
      super.endElement(namespaceURI, localName, qName);
    }

    @Override
    public void internalEntityDecl(String name, String value) {
      throw refused(name);
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) {
      throw refused(name);
    }

    @Override
    public void unparsedEntityDecl(
        String name, String publicId, String systemId, String notationName) {
      throw refused(name);
    }

    private SourceException refused(String entity) {
      Locator at = getDocumentLocator();
      return new SourceException(
          at == null ? Position.START : position(at.getLineNumber(), at.getColumnNumber()),
          "entity declarations are refused in feeds (declares '"
              + entity
              + "'); no entity is expanded and no external file is read");
    }
  }

  private void readDocument(
      Document document, String name, long fileTime, List<Problem> problems, List<Record> records) {
    Element root = document.getRootElement();
    String rootName = root.getName();
    if (!rootName.equals("rss") && !rootName.equals("feed") && !rootName.equals("RDF")) {
      throw new SourceException(
          positionOf(root), "not a feed: the root element is <" + root.getQualifiedName() + ">");
    }
    WireFeed wire;
    try {
      WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
      wire = input.build(document);
    } catch (RuntimeException | FeedException e) {
      throw new SourceException(positionOf(root), "not a feed ROME can read: " + e.getMessage());
    }
    SyndFeed feed;
    try {
      feed = new SyndFeedImpl(wire);
    } catch (RuntimeException e) {
      throw new SourceException(positionOf(root), "not a feed ROME can read: " + e.getMessage());
    }
    Record.Snapshot snapshot = snapshot(wire, fileTime);
    String feedLink = feedLink(feed, root);
    List<Element> items = itemElements(root);
    List<SyndEntry> entries = feed.getEntries();
    Provider channel = null;
    boolean channelRead = false; // once per feed, so that a bad domain is reported once
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry entry = entries.get(i);
      Element item = items.size() == entries.size() ? items.get(i) : null;
      Position at = item == null ? positionOf(root) : positionOf(item);
      String link = itemLink(entry, item, feedLink);
      if (link == null) {
        problems.add(
            Problem.warning(
                name,
                at,
                "feed item "
                    + (i + 1)
                    + " has no link (nor a permalink guid) that is an http(s) URL; skipped"));
        continue;
      }
      if (!channelRead) {
        channelRead = true;
        channel = provider(feed, feedLink != null ? feedLink : link, root, name, problems);
      }
      String title = HtmlText.plain(entry.getTitle());
      String excerpt = entry.getDescription() == null ? null : plainOrNull(entry.getDescription());
      String content = content(entry);
      if (title == null) {
        title = excerpt != null ? shorten(excerpt) : content != null ? shorten(content) : null;
      }
      if (title == null) {
        problems.add(
            Problem.warning(name, at, "feed item " + (i + 1) + " has no title nor text; skipped"));
        continue;
      }
      Provider provider =
          channel == null
              ? null
              : new Provider(
                  channel.name(),
                  channel.domain(),
                  channel.images(),
                  List.of(),
                  authors(entry),
                  channel.position());
      Article.Extra extra =
          new Article.Extra(
              null,
              null,
              null,
              content,
              language(entry, feed, root),
              List.of(),
              keywords(entry),
              null,
              identifier(entry, item));
      records.add(
          new Record(
              name,
              new Article(
                  null,
                  title,
                  excerpt,
                  lexical(entry.getPublishedDate()),
                  lexical(entry.getUpdatedDate()),
                  null,
                  link,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  provider,
                  List.of(),
                  images(entry, item, link, at),
                  List.of(),
                  null,
                  extra,
                  at),
              true,
              snapshot));
    }
  }

  /** The document's own time, else the file's. */
  private static Record.Snapshot snapshot(WireFeed wire, long fileTime) {
    if (wire instanceof Channel rss) {
      if (rss.getLastBuildDate() != null) {
        return new Record.Snapshot(rss.getLastBuildDate().getTime(), "lastBuildDate");
      }
      if (rss.getPubDate() != null) {
        return new Record.Snapshot(rss.getPubDate().getTime(), "pubDate");
      }
    } else if (wire instanceof Feed atom && atom.getUpdated() != null) {
      return new Record.Snapshot(atom.getUpdated().getTime(), "updated");
    }
    return fileTime == Long.MIN_VALUE
        ? new Record.Snapshot(Long.MIN_VALUE, "none")
        : new Record.Snapshot(fileTime, "file time");
  }

  /** The feed's own web page, absolute, or null. */
  private static String feedLink(SyndFeed feed, Element root) {
    String link = absolute(feed.getLink(), null);
    if (link == null) {
      for (SyndLink l : feed.getLinks()) {
        if (l.getRel() == null || l.getRel().equals("alternate")) {
          link = absolute(l.getHref(), null);
          if (link != null) {
            break;
          }
        }
      }
    }
    if (link == null) {
      link = absolute(root.getAttributeValue("base", Namespace.XML_NAMESPACE), null);
    }
    return link;
  }

  /** The item and entry elements in document order (as ROME lists them). */
  private static List<Element> itemElements(Element root) {
    return switch (root.getName()) {
      case "rss" -> {
        Element channel = root.getChild("channel", root.getNamespace());
        yield channel == null ? List.of() : channel.getChildren("item", root.getNamespace());
      }
      case "feed" -> root.getChildren("entry", root.getNamespace());
      default -> {
        List<Element> items = new ArrayList<>(root.getChildren("item", RSS_1));
        if (items.isEmpty()) {
          items.addAll(
              root.getChildren(
                  "item", Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/")));
        }
        yield items;
      }
    };
  }

  /** The item's link, resolved against the feed's; else its guid when that is an http(s) URL. */
  private static String itemLink(SyndEntry entry, Element item, String base) {
    String link = absolute(entry.getLink(), base);
    if (link == null) {
      for (SyndLink l : entry.getLinks()) {
        if (l.getRel() == null || l.getRel().equals("alternate")) {
          link = absolute(l.getHref(), base);
          if (link != null) {
            break;
          }
        }
      }
    }
    if (link == null) {
      link = absolute(identifier(entry, item), null);
    }
    return link;
  }

  /** An absolute http(s) URL that canonicalises, resolved against {@code base}, or null. */
  private static String absolute(String url, String base) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip();
    try {
      if (base != null && !text.regionMatches(true, 0, "http", 0, 4)) {
        text = new URI(base).resolve(new URI(text.replace(" ", "%20"))).toString();
      }
      UrlLib.canonical(text);
      return text;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Provider provider(
      SyndFeed feed, String link, Element root, String name, List<Problem> problems) {
    String domain;
    try {
      domain = UrlLib.domainOf(link).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!ArticleBinder.HOST_NAME.matcher(domain).matches()) {
      problems.add(
          Problem.warning(
              name, positionOf(root), "feed's domain is not a host name: '" + domain + "'"));
      return null;
    }
    List<Image> logos = new ArrayList<>();
    SyndImage image = feed.getImage();
    if (image != null) {
      String url = absolute(image.getUrl(), link);
      if (url != null) {
        logos.add(
            new Image(
                url,
                image.getWidth() == null ? null : image.getWidth().longValue(),
                image.getHeight() == null ? null : image.getHeight().longValue(),
                HtmlText.plain(image.getTitle()),
                null,
                null,
                positionOf(root)));
      }
    }
    return new Provider(
        HtmlText.plain(feed.getTitle()), domain, logos, List.of(), List.of(), positionOf(root));
  }

  private static String plainOrNull(SyndContent content) {
    return content == null ? null : HtmlText.plain(content.getValue());
  }

  /** The body: every content of the entry (content:encoded, Atom content) as plain text. */
  private static String content(SyndEntry entry) {
    List<String> parts = new ArrayList<>();
    for (SyndContent c : entry.getContents()) {
      String text = plainOrNull(c);
      if (text != null && !parts.contains(text)) {
        parts.add(text);
      }
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  /** A headline made from text when an item has no title: its first 120 characters. */
  private static String shorten(String text) {
    String line = text.strip().replace('\n', ' ');
    return line.length() <= 120 ? line : line.substring(0, 119).strip() + "\u2026";
  }

  private static List<String> authors(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndPerson person : entry.getAuthors()) {
      String n = HtmlText.plain(person.getName());
      if (n != null) {
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      String n = HtmlText.plain(entry.getAuthor());
      if (n != null) {
        names.add(n);
      }
    }
    return List.copyOf(names);
  }

  /** The category names that can name a tag (they have a letter or a digit). */
  private static List<String> keywords(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndCategory category : entry.getCategories()) {
      String n = HtmlText.plain(category.getName());
      if (n != null && n.codePoints().anyMatch(Character::isLetterOrDigit)) {
        names.add(n);
      }
    }
    return List.copyOf(names);
  }

  private static String language(SyndEntry entry, SyndFeed feed, Element root) {
    String language = null;
    for (Object module : entry.getModules()) {
      if (module instanceof DCModule dc && dc.getLanguage() != null) {
        language = dc.getLanguage();
      }
    }
    if (language == null) {
      language = feed.getLanguage();
    }
    if (language == null) {
      language = root.getAttributeValue("lang", Namespace.XML_NAMESPACE);
    }
    return language == null || language.isBlank() ? null : language.strip();
  }

  /** RSS {@code guid}, RSS 1.0 {@code rdf:about}, Atom {@code id}, as written; or null. */
  private static String identifier(SyndEntry entry, Element item) {
    String id = null;
    if (item != null) {
      id =
          switch (item.getName()) {
            case "item" ->
                item.getChildText("guid", item.getNamespace()) != null
                    ? item.getChildText("guid", item.getNamespace())
                    : item.getAttributeValue("about", RDF);
            case "entry" -> item.getChildText("id", ATOM);
            default -> null;
          };
    } else if (entry.getUri() != null) {
      id = entry.getUri();
    }
    return id == null || id.isBlank() ? null : id.strip();
  }

  /**
   * The images of an item: enclosures of an image type, {@code media:content} that is an image, and
   * {@code media:thumbnail} (also inside {@code media:group}); absolute http(s) URLs, each once.
   */
  private static List<Image> images(SyndEntry entry, Element item, String base, Position at) {
    List<Image> images = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      String type = enclosure.getType();
      String url = absolute(enclosure.getUrl(), base);
      if (url != null && (type == null ? looksLikeImage(url) : type.startsWith("image/"))) {
        if (seen.add(url)) {
          images.add(new Image(url, null, null, null, null, null, at));
        }
      }
    }
    if (item != null) {
      for (Element media : mediaElements(item)) {
        boolean thumbnail = media.getName().equals("thumbnail");
        String medium = media.getAttributeValue("medium");
        String type = media.getAttributeValue("type");
        String url = absolute(media.getAttributeValue("url"), base);
        boolean image =
            thumbnail
                || "image".equals(medium)
                || (type != null && type.startsWith("image/"))
                || (medium == null && type == null && url != null && looksLikeImage(url));
        if (url != null && image && seen.add(url)) {
          Element parent = media.getParentElement();
          String caption = mediaText(media, parent, "title");
          String credit = mediaText(media, parent, "credit");
          images.add(
              new Image(
                  url,
                  number(media.getAttribute("width")),
                  number(media.getAttribute("height")),
                  caption,
                  credit,
                  null,
                  positionOf(media)));
        }
      }
    }
    return images;
  }

  private static List<Element> mediaElements(Element item) {
    List<Element> out = new ArrayList<>();
    for (Element child : item.getChildren()) {
      if (!MEDIA.equals(child.getNamespace())) {
        continue;
      }
      if (child.getName().equals("group")) {
        for (Element inner : child.getChildren()) {
          if (MEDIA.equals(inner.getNamespace())
              && (inner.getName().equals("content") || inner.getName().equals("thumbnail"))) {
            out.add(inner);
          }
        }
      } else if (child.getName().equals("content") || child.getName().equals("thumbnail")) {
        out.add(child);
        out.addAll(child.getChildren("thumbnail", MEDIA));
      }
    }
    return out;
  }

  private static String mediaText(Element media, Element parent, String name) {
    String text = media.getChildText(name, MEDIA);
    if (text == null && parent != null && MEDIA.equals(parent.getNamespace())) {
      text = parent.getChildText(name, MEDIA);
    }
    return HtmlText.plain(text);
  }

  private static boolean looksLikeImage(String url) {
    String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
    return path.endsWith(".jpg")
        || path.endsWith(".jpeg")
        || path.endsWith(".png")
        || path.endsWith(".gif")
        || path.endsWith(".webp");
  }

  private static Long number(Attribute attribute) {
    if (attribute == null) {
      return null;
    }
    try {
      long value = Long.parseLong(attribute.getValue().strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String lexical(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
