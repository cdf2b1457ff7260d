package org.newsgraph.source;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;

/**
 * Reads saved article pages ({@code .html}, {@code .htm}, gzip too, and the HTML payloads of WARC
 * captures) into one article {@link Record} each. The HTML is parsed by jsoup, which copes with
 * malformed markup as browsers do. The article comes from the page's schema.org JSON-LD of the
 * Article family, read by Jena's JSON-LD 1.1 parser (Titanium) with a document loader that answers
 * the schema.org context from a local document and refuses every other remote context, so that
 * nothing is ever fetched; the OpenGraph and standard meta tags fill what the JSON-LD does not
 * give, and give the whole article when a page has no usable JSON-LD. Every failure is a positioned
 * {@link Problem}; this class never throws for bad input. Thread-safe.
 */
final class PageReader {

  /** The most characters of body text kept per article (the rest is cut, with a warning). */
  static final int BODY_CHARS = 100_000;

  /** The schema.org namespaces a page may use (JSON-LD contexts give either). */
  private static final String SCHEMA_HTTP = "http://schema.org/";

  private static final String SCHEMA_HTTPS = "https://schema.org/";

  /** The Article family of schema.org: the types whose node is the page's article. */
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "Article",
          "NewsArticle",
          "ReportageNewsArticle",
          "AnalysisNewsArticle",
          "OpinionNewsArticle",
          "BackgroundNewsArticle",
          "ReviewNewsArticle",
          "AskPublicNewsArticle",
          "BlogPosting",
          "LiveBlogPosting",
          "SatiricalArticle",
          "ScholarlyArticle",
          "TechArticle",
          "Report",
          "SocialMediaPosting",
          "DiscussionForumPosting",
          "AdvertiserContentArticle");

  /**
   * The local stand-in for the schema.org JSON-LD context: schema.org as the vocabulary, the {@code
   * schema:} prefix, and the {@code id} and {@code type} aliases the published context declares.
   * Values stay literals where the published context would make IRIs ({@code url}, {@code sameAs});
   * the reader takes both.
   */
  private static final String SCHEMA_CONTEXT =
      "{\"@context\":{\"@vocab\":\""
          + SCHEMA_HTTP
          + "\",\"schema\":\""
          + SCHEMA_HTTP
          + "\",\"id\":\"@id\",\"type\":\"@type\"}}";

  /** The schema.org context, as the initial context of every block (answered locally). */
  private static final URI SCHEMA_CONTEXT_URL = URI.create("https://schema.org/");

  /** The document loader of every parse: schema.org's context locally, nothing else at all. */
  private static final DocumentLoader OFFLINE_LOADER = PageReader::loadContext;

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?\\d*)?)?"
              + " ?(Z|[+-]\\d{2}:?\\d{2})?");

  private static final Pattern WIKIDATA =
      Pattern.compile("https?://(?:www\\.|m\\.)?wikidata\\.org/(?:wiki|entity)/(Q\\d+)");

  /**
   * Titanium reports the nodes it drops (a relative @id with no base...) to java.util.logging; they
   * are no concern of the user's, whose page it is not. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger TITANIUM_LOG = quietTitanium();

  private final ReaderLimits limits;

  private static java.util.logging.Logger quietTitanium() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("com.apicatalog");
    log.setLevel(java.util.logging.Level.OFF);
    return log;
  }

  PageReader(ReaderLimits limits) {
    this.limits = limits;
  }

  /** True for the names of saved pages: {@code .html}, {@code .htm}, {@code .xhtml}, and gzip. */
  static boolean isPageName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml");
  }

  /**
   * Reads one saved page file.
   *
   * @param bytes the file's bytes (gzip is inflated, up to the size cap)
   * @param name the file as the user named it, for problems and records
   * @return one article record, or none with an error saying why
   */
  ReadResult read(byte[] bytes, String name) {
    List<Problem> problems = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    try {
      byte[] html = limits.inflate(bytes, "compressed page");
      Sink sink = new Sink(name, problems);
      Article article = article(html, null, null, sink);
      if (article != null) {
        records.add(new Record(name, article));
      }
    } catch (SourceException e) {
      problems.add(e.toProblem(name));
    }
    boolean rejected = problems.stream().anyMatch(Problem::isError);
    return new ReadResult(rejected ? List.of() : records, problems, "page");
  }

  /**
   * Where the problems of one page go: a page file's own, or a WARC record's, named {@code
   * FILE@OFFSET} so that a position is the position in that record's page.
   */
  record Sink(String source, List<Problem> problems) {
    void warning(Position at, String message) {
      problems.add(Problem.warning(source, at, message));
    }

    void error(Position at, String message) {
      problems.add(Problem.error(source, at, message));
    }
  }

  /**
   * The article of one page.
   *
   * @param html the page's bytes
   * @param charset the charset its HTTP response declared, or null (the page's BOM or meta tag
   *     decides, else UTF-8)
   * @param fallbackUrl the URL the page was fetched from (a WARC record's target), or null: the
   *     base of relative URLs and the identity when the page states none
   * @param sink receives problems; an error when the page gives no identity or no headline
   * @return the article, or null (the error is in the sink)
   */
  Article article(byte[] html, String charset, String fallbackUrl, Sink sink) {
    String encoding = charset;
    if (encoding != null && !java.nio.charset.Charset.isSupported(encoding.strip())) {
      sink.warning(Position.START, "unknown charset '" + encoding + "' declared: the page decides");
      encoding = null;
    }
    if (encoding == null && !declaresCharset(html) && !isUtf8(html)) {
      // saved without a declared encoding and not UTF-8: read as browsers read such pages
      sink.warning(Position.START, "not UTF-8 and no charset declared: read as windows-1252");
      encoding = "windows-1252";
    }
    org.jsoup.nodes.Document doc;
    try {
      doc =
          Jsoup.parse(
              new ByteArrayInputStream(html),
              encoding,
              fallbackUrl == null ? "" : fallbackUrl,
              Parser.htmlParser().setTrackPosition(true));
    } catch (IOException | RuntimeException e) {
      sink.error(Position.START, "cannot parse HTML: " + e.getMessage());
      return null;
    }
    String base = baseOf(doc, fallbackUrl);
    Meta meta = new Meta(doc);
    // JSON-LD's relative @id and url resolve against the page's address: its base, else the URL
    // its link rel=canonical or og:url give.
    String ldBase = base;
    if (ldBase == null) {
      ldBase = absolute(meta.canonical(), null);
    }
    if (ldBase == null) {
      ldBase = absolute(meta.property("og:url"), null);
    }
    // The page's own link: rel=canonical, else og:url.
    String statedUrl = absolute(meta.canonical(), ldBase);
    if (statedUrl == null) {
      statedUrl = absolute(meta.property("og:url"), ldBase);
    }
    Ld ld = jsonLd(doc, ldBase, statedUrl, sink);
    Node node = ld == null ? null : ld.article;

    // Identity: JSON-LD url or mainEntityOfPage, else rel=canonical, else og:url, else the capture.
    String url = null;
    if (node != null) {
      url = absolute(urlLike(ld.iriOrText(node, "url")), ldBase);
      if (url == null) {
        url = absolute(urlLike(ld.iriOrText(node, "mainEntityOfPage")), ldBase);
      }
    }
    if (url != null && statedUrl != null && isRoot(url) && !isRoot(statedUrl)) {
      url = statedUrl; // an article node whose url is its site's home page: the page's link wins
    }
    if (url == null) {
      url = statedUrl;
    }
    if (url == null) {
      url = absolute(fallbackUrl, null);
    }
    Position at = ld == null ? Position.START : ld.at;
    if (url == null) {
      sink.error(
          Position.START,
          "page states no URL of its own (no JSON-LD url or mainEntityOfPage, no link"
              + " rel=canonical, no og:url): it cannot be identified");
      return null;
    }
    String title = node == null ? null : firstText(ld.texts(node, "headline"));
    String ldName = node == null ? null : firstText(ld.texts(node, "name"));
    if (title == null) {
      title = ldName;
    } else if (ldName != null && !ldName.equals(title)) {
      // Some pages put a subtitle in headline and the title in name (Wikipedia's "headline" is the
      // item's description): the one the page's own title shows wins.
      String shown = lower(firstText(List.of(nz(meta.property("og:title")), nz(doc.title()))));
      if (shown != null && !shown.contains(lower(title)) && shown.contains(lower(ldName))) {
        title = ldName;
      }
    }
    if (title == null) {
      title = firstText(List.of(nz(meta.property("og:title")), nz(meta.name("twitter:title"))));
    }
    if (title == null) {
      title = clean(doc.title());
    }
    if (title == null) {
      sink.error(at, "page of " + url + " has no headline (JSON-LD, og:title nor <title>)");
      return null;
    }
    String excerpt = node == null ? null : firstText(ld.texts(node, "description"));
    if (excerpt == null) {
      excerpt =
          firstText(List.of(nz(meta.property("og:description")), nz(meta.name("description"))));
    }
    String body = node == null ? null : firstText(ld.texts(node, "articleBody"));
    if (body == null) {
      body = bodyOf(doc);
    }
    if (body != null && body.length() > BODY_CHARS) {
      sink.warning(at, "body text cut to its first " + BODY_CHARS + " characters");
      body = body.substring(0, BODY_CHARS);
    }
    String published =
        date(node == null ? null : ld.text(node, "datePublished"), "datePublished", at, sink);
    if (published == null) {
      published =
          date(
              meta.property("article:published_time"),
              "article:published_time",
              meta.at("article:published_time"),
              sink);
    }
    String modified =
        date(node == null ? null : ld.text(node, "dateModified"), "dateModified", at, sink);
    if (modified == null) {
      modified =
          date(
              meta.property("article:modified_time"),
              "article:modified_time",
              meta.at("article:modified_time"),
              sink);
    }
    List<String> authors = node == null ? new ArrayList<>() : ld.names(node, "author");
    if (authors.isEmpty()) {
      authors = new ArrayList<>();
      for (String a : meta.all("article:author")) {
        // article:author is often a profile URL; a name is what is kept
        if (!a.regionMatches(true, 0, "http", 0, 4) && clean(a) != null) {
          authors.add(clean(a));
        }
      }
      for (String a : meta.names("author")) {
        if (clean(a) != null && !authors.contains(clean(a))) {
          authors.add(clean(a));
        }
      }
    }
    List<String> tags = new ArrayList<>();
    if (node != null) {
      for (String k : ld.texts(node, "keywords")) {
        splitKeywords(k, tags);
      }
      for (String s : ld.texts(node, "articleSection")) {
        addTag(s, tags);
      }
    }
    if (tags.isEmpty()) {
      meta.all("article:tag").forEach(t -> addTag(t, tags));
      meta.all("article:section").forEach(t -> addTag(t, tags));
    }
    String language = node == null ? null : firstText(ld.names(node, "inLanguage"));
    if (language == null) {
      String locale = clean(meta.property("og:locale"));
      language = locale == null ? null : locale.replace('_', '-');
    }
    if (language == null) {
      language = clean(doc.select("html").attr("lang"));
    }
    List<Image> images = new ArrayList<>();
    if (node != null) {
      ld.images(node, "image", url, at, images);
    }
    if (images.isEmpty()) {
      for (String image : meta.images()) {
        String u = absolute(image, url);
        if (u != null && images.stream().noneMatch(i -> i.url().equals(u))) {
          images.add(new Image(u, null, null, null, null, null, at));
        }
      }
    }
    Provider provider = provider(url, node == null ? null : ld, node, meta, authors, at, sink);
    List<Article.Mention> mentions = new ArrayList<>();
    if (node != null) {
      ld.mentions(node, "about", true, url, mentions);
      ld.mentions(node, "mentions", false, url, mentions);
    }
    Article.Extra extra =
        new Article.Extra(null, null, null, body, language, List.of(), tags, null, null, mentions);
    // An article by its JSON-LD type or og:type (schema:NewsArticle); any other page a creative
    // work.
    String type =
        node != null || "article".equalsIgnoreCase(meta.property("og:type")) ? "article" : null;
    return new Article(
        null, title, excerpt, published, modified, null, url, null, null, type, null, null, null,
        provider, List.of(), images, List.of(), null, extra, at);
  }

  /** A byte-order mark, or a {@code charset} in the first 4 KB (a meta tag, an XML declaration). */
  private static boolean declaresCharset(byte[] html) {
    if (html.length >= 2
        && ((html[0] & 0xFF) == 0xEF || (html[0] & 0xFF) == 0xFE || (html[0] & 0xFF) == 0xFF)) {
      return true;
    }
    String head =
        new String(
                html, 0, Math.min(html.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("charset") || head.contains("encoding=");
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** The page's base: an absolute {@code <base href>}, else the URL it was fetched from. */
  private static String baseOf(org.jsoup.nodes.Document doc, String fallbackUrl) {
    Element baseTag = doc.selectFirst("base[href]");
    if (baseTag != null) {
      String href = absolute(baseTag.attr("href"), fallbackUrl);
      if (href != null) {
        return href;
      }
    }
    return fallbackUrl;
  }

  /** The provider: domain from the article URL's host, name and logo from the publisher. */
  private static Provider provider(
      String url, Ld ld, Node node, Meta meta, List<String> authors, Position at, Sink sink) {
    String domain;
    try {
      domain = UrlLib.domainOf(url).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!ArticleBinder.HOST_NAME.matcher(domain).matches()) {
      sink.warning(at, "the page's domain is not a host name: '" + domain + "'");
      return null;
    }
    String name = null;
    List<Image> logos = new ArrayList<>();
    if (ld != null) {
      for (Node publisher : ld.objects(node, "publisher")) {
        if (publisher.isLiteral()) {
          name = name != null ? name : clean(publisher.getLiteralLexicalForm());
        } else {
          name = name != null ? name : firstText(ld.texts(publisher, "name"));
          ld.images(publisher, "logo", url, at, logos);
        }
      }
    }
    if (name == null) {
      name = clean(meta.property("og:site_name"));
    }
    return new Provider(name, domain, logos, List.of(), authors, at);
  }

  /** The text of the page's article element, when the JSON-LD gives no articleBody. */
  private static String bodyOf(org.jsoup.nodes.Document doc) {
    Element article = doc.selectFirst("[itemprop=articleBody]");
    if (article == null) {
      article = doc.selectFirst("article");
    }
    return article == null ? null : clean(article.text());
  }

  // ------------------------------------------------------------------ JSON-LD

  /** The union of a page's JSON-LD blocks, and the node of its article. */
  private static final class Ld {
    final Graph graph;
    final Node article;
    final Position at;

    Ld(Graph graph, Node article, Position at) {
      this.graph = graph;
      this.article = article;
      this.at = at;
    }

    List<Node> objects(Node s, String local) {
      List<Node> out = new ArrayList<>();
      for (String ns : List.of(SCHEMA_HTTP, SCHEMA_HTTPS)) {
        graph
            .find(s, NodeFactory.createURI(ns + local), Node.ANY)
            .forEach(t -> out.add(t.getObject()));
      }
      // Several values come back in no set order: literals first by text, then nodes, for stable
      // output.
      out.sort(
          Comparator.comparing((Node n) -> n.isLiteral() ? 0 : n.isURI() ? 1 : 2)
              .thenComparing(
                  n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : ""));
      return out;
    }

    /** Literal values (plain text, entities decoded) and the names of node values. */
    List<String> texts(Node s, String local) {
      List<String> out = new ArrayList<>();
      for (Node o : objects(s, local)) {
        if (o.isLiteral()) {
          String t = plain(o.getLiteralLexicalForm());
          if (t != null) {
            out.add(t);
          }
        }
      }
      return out;
    }

    /** The first literal value as written, or null. */
    String text(Node s, String local) {
      for (Node o : objects(s, local)) {
        if (o.isLiteral()) {
          return o.getLiteralLexicalForm().strip();
        }
      }
      return null;
    }

    /** An IRI value, else a literal, else a blank node's own url or @id; or null. */
    String iriOrText(Node s, String local) {
      for (Node o : objects(s, local)) {
        if (o.isURI()) {
          return o.getURI();
        }
        if (o.isLiteral() && !o.getLiteralLexicalForm().isBlank()) {
          return o.getLiteralLexicalForm().strip();
        }
        if (o.isBlank()) {
          String inner = iriOrText(o, "url");
          if (inner != null) {
            return inner;
          }
        }
      }
      return null;
    }

    /** Names: a literal as it is, a node's name (persons, organisations, languages). */
    List<String> names(Node s, String local) {
      Set<String> out = new LinkedHashSet<>();
      for (Node o : objects(s, local)) {
        if (o.isLiteral()) {
          String t = plain(o.getLiteralLexicalForm());
          if (t != null) {
            out.add(t);
          }
        } else {
          String t = firstText(texts(o, "name"));
          if (t == null) {
            t = firstText(texts(o, "alternateName"));
          }
          if (t != null) {
            out.add(t);
          }
        }
      }
      return new ArrayList<>(out);
    }

    /** Images: URLs (literal or IRI) and ImageObjects (url or contentUrl, size, caption). */
    void images(Node s, String local, String base, Position at, List<Image> out) {
      for (Node o : objects(s, local)) {
        String url;
        Long width = null;
        Long height = null;
        String caption = null;
        if (o.isLiteral()) {
          url = o.getLiteralLexicalForm();
        } else if (o.isBlank()
            || !objects(o, "url").isEmpty()
            || !objects(o, "contentUrl").isEmpty()) {
          url = iriOrText(o, "url");
          if (url == null) {
            url = iriOrText(o, "contentUrl");
          }
          if (url == null && o.isURI()) {
            url = o.getURI();
          }
          width = number(text(o, "width"));
          height = number(text(o, "height"));
          caption = firstText(texts(o, "caption"));
        } else {
          url = o.getURI();
        }
        String absolute = absolute(url, base);
        if (absolute != null && out.stream().noneMatch(i -> i.url().equals(absolute))) {
          out.add(new Image(absolute, width, height, caption, null, null, at));
        }
      }
    }

    /** Entities with an IRI of another vocabulary: their sameAs, else their own @id. */
    void mentions(Node s, String local, boolean about, String pageUrl, List<Article.Mention> out) {
      String pageHost = hostOf(pageUrl);
      for (Node o : objects(s, local)) {
        if (o.isLiteral()) {
          continue;
        }
        String name = firstText(names(o, "name"));
        List<String> iris = new ArrayList<>();
        for (Node same : objects(o, "sameAs")) {
          String iri =
              same.isURI() ? same.getURI() : same.isLiteral() ? same.getLiteralLexicalForm() : null;
          if (iri != null) {
            iris.add(iri);
          }
        }
        if (iris.isEmpty() && o.isURI() && !pageHost.equals(hostOf(o.getURI()))) {
          iris.add(o.getURI());
        }
        for (String iri : iris) {
          String entity = entityIri(iri);
          if (entity != null
              && out.stream().noneMatch(m -> m.about() == about && m.iri().equals(entity))) {
            out.add(new Article.Mention(about, entity, name));
          }
        }
      }
    }
  }

  /**
   * Reads every JSON-LD block of the page through Jena into one graph and picks the article node.
   *
   * @return null when no block gives a node of the Article family
   */
  private Ld jsonLd(org.jsoup.nodes.Document doc, String base, String statedUrl, Sink sink) {
    Graph graph = GraphFactory.createDefaultGraph();
    Map<Node, Position> typedAt = new LinkedHashMap<>();
    for (Element script : doc.select("script[type]")) {
      String type = script.attr("type").toLowerCase(Locale.ROOT).replaceAll("\\s", "");
      if (!type.startsWith("application/ld+json")) {
        continue;
      }
      Position scriptAt = start(script.sourceRange());
      Position dataAt = end(script.sourceRange());
      String json = script.data();
      int lead = leadingJunk(json);
      if (lead > 0) {
        dataAt = advance(dataAt, json.substring(0, lead));
        json = json.substring(lead);
      }
      json = stripTrailingJunk(json);
      if (json.isBlank()) {
        continue;
      }
      if (json.length() > limits.maxFileBytes()) {
        sink.warning(scriptAt, "JSON-LD block is larger than the size limit; not read");
        continue;
      }
      String syntax = jsonSyntaxError(json, dataAt);
      if (syntax != null) {
        sink.warning(
            positionOf(syntax, scriptAt),
            "invalid JSON in the JSON-LD <script> at line "
                + scriptAt.line()
                + ": "
                + syntax.substring(syntax.indexOf('|') + 1)
                + "; the page's meta tags are read instead");
        continue;
      }
      Graph block = GraphFactory.createDefaultGraph();
      try {
        JsonLdOptions options = new JsonLdOptions(OFFLINE_LOADER);
        // A block that names no context at all (some sites leave @context out) is read as
        // schema.org, the only vocabulary a page's ld+json script is for; a block's own context
        // still applies over it.
        options.setExpandContext(SCHEMA_CONTEXT_URL);
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        org.apache.jena.riot.RDFParserBuilder parser =
            RDFParser.create()
                .fromString(json)
                .lang(Lang.JSONLD)
                .context(context)
                .errorHandler(QUIET);
        if (base != null) {
          parser = parser.base(base);
        }
        parser.parse(block);
      } catch (RuntimeException e) {
        sink.warning(
            scriptAt,
            "JSON-LD <script> at line "
                + scriptAt.line()
                + " cannot be read: "
                + reason(e)
                + "; the page's meta tags are read instead");
        continue;
      }
      for (Triple raw : block.find().toList()) {
        Triple t = schemaSlash(raw);
        graph.add(t);
        if (t.getPredicate().equals(RDF.type.asNode()) && isArticleType(t.getObject())) {
          typedAt.putIfAbsent(t.getSubject(), scriptAt);
        }
      }
    }
    if (typedAt.isEmpty()) {
      return null;
    }
    // Several article nodes (a live blog's updates, a list of related stories): the page's own
    // is the one whose URL is the page's stated link, else one that no other article node holds
    // (an update inside a live blog is not the page's article), else the one with the most of what
    // an article needs; the first block's first on a tie.
    Node best = null;
    int bestScore = -1;
    Ld probe = new Ld(graph, null, Position.START);
    String stated = canonicalOrNull(statedUrl);
    for (Node candidate : typedAt.keySet()) {
      boolean nested = false;
      for (Node other : typedAt.keySet()) {
        if (!other.equals(candidate) && graph.find(other, Node.ANY, candidate).hasNext()) {
          nested = true;
          break;
        }
      }
      String own = canonicalOrNull(absolute(urlLike(probe.iriOrText(candidate, "url")), base));
      if (own == null) {
        own =
            canonicalOrNull(
                absolute(urlLike(probe.iriOrText(candidate, "mainEntityOfPage")), base));
      }
      int score =
          (stated != null && stated.equals(own) ? 16 : 0)
              + (nested ? 0 : 8)
              + (probe.texts(candidate, "headline").isEmpty() ? 0 : 4)
              + (probe.objects(candidate, "articleBody").isEmpty() ? 0 : 2)
              + (probe.objects(candidate, "datePublished").isEmpty() ? 0 : 1);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return new Ld(graph, best, typedAt.get(best));
  }

  /** Collects nothing: Jena's warnings about a page's IRIs are no concern of the user's. */
  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {}

        @Override
        public void error(String message, long line, long col) {}

        @Override
        public void fatal(String message, long line, long col) {
          throw new RiotException(message);
        }
      };

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      if (t instanceof JsonLdError) {
        break;
      }
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  /** Loads a context: schema.org's from the local copy; any other is refused (never fetched). */
  private static Document loadContext(URI url, DocumentLoaderOptions options) throws JsonLdError {
    if (isSchemaOrgContext(url)) {
      return JsonDocument.of(new StringReader(SCHEMA_CONTEXT));
    }
    throw new JsonLdError(
        JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
        "unknown remote context <" + url + "> (only schema.org's is known; nothing is fetched)");
  }

  /** {@code http(s)://schema.org} with no path, {@code /}, or a path to a JSON(-LD) document. */
  static boolean isSchemaOrgContext(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String path = url.getPath() == null ? "" : url.getPath();
    return (scheme.equals("http") || scheme.equals("https"))
        && (host.equals("schema.org") || host.equals("www.schema.org"))
        && (path.isEmpty()
            || path.equals("/")
            || path.endsWith(".json")
            || path.endsWith(".jsonld"));
  }

  /**
   * A triple with schema.org terms written whole: a context whose {@code @vocab} is {@code
   * http://schema.org} without the trailing slash (NBC News writes it) makes {@code
   * http://schema.orgheadline}; the slash is put back in predicates and types.
   */
  private static Triple schemaSlash(Triple t) {
    Node p = schemaSlash(t.getPredicate());
    Node o =
        t.getPredicate().equals(RDF.type.asNode()) ? schemaSlash(t.getObject()) : t.getObject();
    return p == t.getPredicate() && o == t.getObject() ? t : Triple.create(t.getSubject(), p, o);
  }

  private static Node schemaSlash(Node n) {
    if (!n.isURI()) {
      return n;
    }
    String iri = n.getURI();
    for (String ns : List.of(SCHEMA_HTTP, SCHEMA_HTTPS)) {
      String bare = ns.substring(0, ns.length() - 1);
      if (iri.startsWith(bare)
          && iri.length() > bare.length()
          && Character.isLetter(iri.charAt(bare.length()))) {
        return NodeFactory.createURI(ns + iri.substring(bare.length()));
      }
    }
    return n;
  }

  private static boolean isArticleType(Node type) {
    if (!type.isURI()) {
      return false;
    }
    String iri = type.getURI();
    for (String ns : List.of(SCHEMA_HTTP, SCHEMA_HTTPS)) {
      if (iri.startsWith(ns) && ARTICLE_TYPES.contains(iri.substring(ns.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first syntax error of a JSON text, as {@code line:col|message} with the position in the
   * page, or null when the text is well-formed JSON.
   */
  private static String jsonSyntaxError(String json, Position dataAt) {
    try (JsonParser parser = Json.createParser(new StringReader(json))) {
      int depth = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
          if (++depth > MAX_JSON_DEPTH) {
            // JSON-LD processing builds the tree recursively: a deep enough block would
            // overflow the stack. Real pages nest a dozen levels.
            JsonLocation location = parser.getLocation();
            // (the location is just past the bracket)
            return at(dataAt, location, -1) + "|nested deeper than " + MAX_JSON_DEPTH + " levels";
          }
        } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          depth--;
        }
      }
      return null;
    } catch (JsonParsingException e) {
      String message = e.getMessage() == null ? "malformed JSON" : e.getMessage();
      return at(dataAt, e.getLocation(), 0) + "|" + message.replaceAll("\\s+", " ").strip();
    } catch (RuntimeException e) {
      return dataAt.line() + ":" + dataAt.column() + "|" + e.getMessage();
    }
  }

  /** The most levels of objects and arrays a JSON-LD block may nest. */
  static final int MAX_JSON_DEPTH = 100;

  /**
   * {@code line:col} in the page of a location in a JSON-LD block that starts at {@code dataAt}.
   */
  private static String at(Position dataAt, JsonLocation location, int shift) {
    Position at = dataAt;
    if (location != null && location.getLineNumber() >= 1) {
      long line = location.getLineNumber();
      long column = Math.max(1, location.getColumnNumber() + shift);
      at =
          line == 1
              ? new Position(dataAt.line(), (int) (dataAt.column() + column - 1))
              : new Position((int) (dataAt.line() + line - 1), (int) column);
    }
    return at.line() + ":" + at.column();
  }

  private static Position positionOf(String syntaxError, Position fallback) {
    String[] parts = syntaxError.substring(0, syntaxError.indexOf('|')).split(":");
    try {
      return new Position(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  /** How many characters of HTML comment or CDATA opening (and white space) precede the JSON. */
  private static int leadingJunk(String json) {
    int i = 0;
    while (true) {
      while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
        i++;
      }
      if (json.startsWith("<!--", i)) {
        i += 4;
      } else if (json.startsWith("<![CDATA[", i)) {
        i += 9;
      } else if (json.startsWith("//<![CDATA[", i)) {
        i += 11;
      } else {
        return i;
      }
    }
  }

  private static String stripTrailingJunk(String json) {
    String text = json.stripTrailing();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String end : List.of("-->", "//]]>", "]]>")) {
        if (text.endsWith(end)) {
          text = text.substring(0, text.length() - end.length()).stripTrailing();
          changed = true;
        }
      }
    }
    return text;
  }

  private static Position start(Range range) {
    return range == null || !range.isTracked()
        ? Position.START
        : new Position(
            Math.max(1, range.start().lineNumber()), Math.max(1, range.start().columnNumber()));
  }

  private static Position end(Range range) {
    return range == null || !range.isTracked()
        ? Position.START
        : new Position(
            Math.max(1, range.end().lineNumber()), Math.max(1, range.end().columnNumber()));
  }

  /** The position after some text, starting at {@code from}. */
  private static Position advance(Position from, String text) {
    int line = from.line();
    int column = from.column();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(line, column);
  }

  // ------------------------------------------------------------------ meta tags

  /** The page's OpenGraph, article and standard meta tags. */
  private static final class Meta {
    private final org.jsoup.nodes.Document doc;

    Meta(org.jsoup.nodes.Document doc) {
      this.doc = doc;
    }

    /** A meta tag by {@code property} (or by {@code name}, as some pages write OpenGraph). */
    String property(String key) {
      List<String> values = all(key);
      return values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String key) {
      List<String> out = new ArrayList<>();
      for (Element meta : doc.select("meta[content]")) {
        if (key.equalsIgnoreCase(meta.attr("property"))
            || key.equalsIgnoreCase(meta.attr("name"))) {
          String content = meta.attr("content").strip();
          if (!content.isEmpty()) {
            out.add(content);
          }
        }
      }
      return out;
    }

    /** Where the first meta tag of a key starts in the page. */
    Position at(String key) {
      for (Element meta : doc.select("meta[content]")) {
        if (key.equalsIgnoreCase(meta.attr("property"))
            || key.equalsIgnoreCase(meta.attr("name"))) {
          return start(meta.sourceRange());
        }
      }
      return Position.START;
    }

    String name(String key) {
      List<String> values = names(key);
      return values.isEmpty() ? null : values.get(0);
    }

    List<String> names(String key) {
      List<String> out = new ArrayList<>();
      for (Element meta : doc.select("meta[name][content]")) {
        if (key.equalsIgnoreCase(meta.attr("name")) && !meta.attr("content").isBlank()) {
          out.add(meta.attr("content").strip());
        }
      }
      return out;
    }

    String canonical() {
      for (Element link : doc.select("link[rel][href]")) {
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
          if (rel.equals("canonical")) {
            return link.attr("href");
          }
        }
      }
      return null;
    }

    List<String> images() {
      List<String> out = new ArrayList<>();
      for (String key : List.of("og:image", "og:image:url", "og:image:secure_url")) {
        out.addAll(all(key));
      }
      return out;
    }
  }

  // ------------------------------------------------------------------ values

  /**
   * A page's date as an {@code xsd:dateTime} lexical form: ISO 8601 with or without seconds,
   * fraction and offset ({@code +0100} is written {@code +01:00}); a date alone is midnight (no
   * offset). A date before 1900 or more than a year ahead (a CMS's {@code 0001-01-01}) is left out
   * with a warning, as is text that is no date.
   */
  static String date(String raw, String what, Position at, Sink sink) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.strip();
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      try {
        // some sites write their meta dates as HTTP dates: Tue, 05 Mar 2024 09:30:00 GMT
        text =
            OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toString();
        m = DATE.matcher(text);
      } catch (DateTimeParseException e) {
        // not one either: reported below
      }
    }
    if (!m.matches()) {
      sink.warning(at, what + " '" + text + "' is not a date-time; left out");
      return null;
    }
    StringBuilder out =
        new StringBuilder(m.group(1)).append('-').append(m.group(2)).append('-').append(m.group(3));
    out.append('T')
        .append(m.group(4) == null ? "00" : m.group(4))
        .append(':')
        .append(m.group(5) == null ? "00" : m.group(5))
        .append(':')
        .append(m.group(6) == null ? "00" : m.group(6));
    if (m.group(7) != null) {
      out.append(m.group(7));
    }
    String zone = m.group(8);
    if (zone != null) {
      out.append(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }
    String lexical = out.toString();
    int year;
    try {
      year =
          zone == null
              ? LocalDateTime.parse(lexical).getYear()
              : OffsetDateTime.parse(lexical).withOffsetSameInstant(ZoneOffset.UTC).getYear();
    } catch (DateTimeParseException e) {
      sink.warning(at, what + " '" + text + "' is not a valid date-time; left out");
      return null;
    }
    int thisYear = OffsetDateTime.now(ZoneOffset.UTC).getYear();
    if (year < 1900 || year > thisYear + 1) {
      sink.warning(
          at,
          what
              + " '"
              + text
              + "' is not a plausible date (before 1900 or over a year ahead); left out");
      return null;
    }
    return lexical;
  }

  /** An absolute http(s) URL that canonicalises, {@code url} resolved against {@code base}. */
  static String absolute(String url, String base) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = HtmlText.decode(url.strip()); // JSON-LD written through an HTML escaper
    try {
      if (!text.regionMatches(true, 0, "http:", 0, 5)
          && !text.regionMatches(true, 0, "https:", 0, 6)) {
        if (base == null) {
          return null;
        }
        text = new URI(UrlLib.clean(base)).resolve(new URI(text.replace(" ", "%20"))).toString();
      }
      String cleaned = UrlLib.clean(text);
      UrlLib.canonical(cleaned);
      return cleaned;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A JSON-LD value that can be a URL: absolute http(s), or a path; not {@code true} or a name. */
  private static String urlLike(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.regionMatches(true, 0, "http://", 0, 7)
            || v.regionMatches(true, 0, "https://", 0, 8)
            || v.startsWith("/")
        ? v
        : null;
  }

  private static String canonicalOrNull(String url) {
    try {
      return url == null ? null : UrlLib.canonical(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True for a URL whose path is the site's root. */
  private static boolean isRoot(String url) {
    try {
      String canonical = UrlLib.canonical(url);
      return URI.create(canonical).getRawPath().equals("/")
          && URI.create(canonical).getRawQuery() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String hostOf(String url) {
    try {
      return UrlLib.domainOf(url);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A Wikidata item in its entity form; any other http(s) IRI as it is; else null. */
  static String entityIri(String iri) {
    Matcher m = WIKIDATA.matcher(iri.strip());
    if (m.lookingAt()) {
      return "http://www.wikidata.org/entity/" + m.group(1);
    }
    try {
      String cleaned = UrlLib.clean(iri);
      return cleaned;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Long number(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = Pattern.compile("^\\s*(\\d{1,9})").matcher(text);
    if (!m.find()) {
      return null;
    }
    long value = Long.parseLong(m.group(1));
    return value > 0 ? value : null;
  }

  /** Keywords as one comma-separated string or one each. */
  private static void splitKeywords(String keywords, List<String> tags) {
    for (String k : keywords.split(",")) {
      addTag(k, tags);
    }
  }

  private static void addTag(String tag, List<String> tags) {
    String t = clean(tag);
    if (t != null && t.codePoints().anyMatch(Character::isLetterOrDigit) && !tags.contains(t)) {
      tags.add(t);
    }
  }

  private static String plain(String text) {
    return HtmlText.plain(text);
  }

  /** Text with entities decoded and white space collapsed, or null when nothing is left. */
  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String t = HtmlText.decode(text).replaceAll("[\\s\\u00A0]+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  private static String firstText(List<String> texts) {
    for (String t : texts) {
      String c = clean(t);
      if (c != null) {
        return c;
      }
    }
    return null;
  }
}
