package org.newsgraph.map;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.impl.RDFhtml;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;

/**
 * Maps an article record to quads in the record's own named graph, pushed into a {@link StreamRDF}
 * (no model is built). The record's related entries are described in the same graph, on the nodes
 * of the cited articles, so that they meet the cited articles' own graphs when those are ingested.
 * Stateless apart from the IRI factory; thread-safe.
 */
public final class ArticleMapper {

  private final IriFactory iris;
  private final ImageMapper images;

  /** A mapper minting IRIs with the given factory. */
  public ArticleMapper(IriFactory iris) {
    this.iris = iris;
    this.images = new ImageMapper(iris);
  }

  /**
   * Maps one article.
   *
   * @param article the article of the record
   * @param source the record's file, recorded as the graph's {@code dcterms:source}
   * @param out receives the quads; {@code start}/{@code finish} are not called
   * @param problems receives warnings for values left out
   * @return the named graph the quads were written to
   * @throws MappingException when an IRI cannot be minted for a value the record needs
   */
  public Node map(Article article, String source, StreamRDF out, List<Problem> problems) {
    Node graph = graphOf(article);
    out.quad(Quad.create(graph, graph, NewsVocab.DCTERMS_SOURCE,
        org.apache.jena.graph.NodeFactory.createLiteralString(source)));
    Node subject = describe(article, graph, out, true);
    for (Article related : article.related()) {
      Node cited = describe(related, graph, out, false);
      out.quad(Quad.create(graph, subject, NewsVocab.RELATED, cited));
    }
    return graph;
  }

  /**
   * Maps an article record; see {@link #map(Article, String, StreamRDF, List)}.
   *
   * @throws IllegalArgumentException when the record is not an article record
   */
  public Node map(org.newsgraph.source.Record record, StreamRDF out, List<Problem> problems) {
    if (record.article() == null) {
      throw new IllegalArgumentException("not an article record: " + record.entity().getClass().getSimpleName());
    }
    return map(record.article(), record.source(), out, problems);
  }

  /** The named graph of an article's own record. */
  public Node graphOf(Article article) {
    try {
      return iris.articleGraph(article.identifyingUrl());
    } catch (IllegalArgumentException e) {
      throw new MappingException(article.position(), e.getMessage());
    }
  }

  private Node describe(Article a, Node g, StreamRDF out, boolean ownRecord) {
    Node s;
    try {
      s = iris.article(a.identifyingUrl());
    } catch (IllegalArgumentException e) {
      throw new MappingException(a.position(), e.getMessage());
    }
    Emitter e = new Emitter(g, s, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.ARTICLE);
    e.iri(NewsVocab.RDF_TYPE, schemaType(a.type()));
    e.string(NewsVocab.ITEM_TYPE, a.type());
    e.string(NewsVocab.CATEGORY, a.category());
    e.string(NewsVocab.SCHEMA_HEADLINE, a.title());
    e.string(NewsVocab.SCHEMA_DESCRIPTION, a.excerpt());
    e.typed(NewsVocab.SCHEMA_DATE_PUBLISHED, a.publishedDateTime(), XSDDatatype.XSDdateTime);
    e.typed(NewsVocab.SCHEMA_DATE_MODIFIED, a.updatedDateTime(), XSDDatatype.XSDdateTime);
    e.iri(NewsVocab.SCHEMA_URL, urlNode(a.identifyingUrl(), a));
    e.iri(NewsVocab.CANONICAL_URL, urlNode(UrlLib.canonical(a.identifyingUrl()), a));
    e.iri(NewsVocab.ORIGINAL_URL, urlNode(a.originalUrl(), a));
    e.iri(NewsVocab.AMP_URL, urlNode(a.ampWebUrl(), a));
    e.iri(NewsVocab.CDN_AMP_URL, urlNode(a.cdnAmpWebUrl(), a));
    e.integer(NewsVocab.QUALITY, a.quality());
    e.integer(NewsVocab.HEAT, a.heat());
    e.bool(NewsVocab.PUBLISHED, a.published());
    e.string(NewsVocab.SECURED, a.secured());
    describeExtra(a, e);
    if (a.provider() != null) {
      e.iri(NewsVocab.SCHEMA_PUBLISHER, provider(a.provider(), g, out, ownRecord));
      a.provider().publishers().forEach(name -> e.string(NewsVocab.PUBLISHER_NAME, name));
      a.provider().authors().forEach(name -> e.string(NewsVocab.AUTHOR_NAME, name));
    }
    for (String topic : a.topics()) {
      e.iri(NewsVocab.SCHEMA_ABOUT, topic(topic, g, out, a));
    }
    for (Image image : a.images()) {
      e.iri(NewsVocab.SCHEMA_IMAGE, images.describe(image, g, out));
    }
    return s;
  }

  private void describeExtra(Article a, Emitter e) {
    Article.Extra x = a.extra();
    e.iri(NewsVocab.SOURCE_URL, urlNode(x.sourceUrl(), a));
    e.typed(NewsVocab.FEATURED_CONTENT, x.featuredContent(), RDFhtml.rdfHTML);
    e.string(NewsVocab.HIGHLIGHT, x.highlight());
    e.string(NewsVocab.SCHEMA_TEXT, x.content());
    e.string(NewsVocab.SCHEMA_IN_LANGUAGE, x.locale());
    x.categories().forEach(category -> e.string(NewsVocab.CATEGORY, category));
    for (String tag : x.tags()) {
      e.string(NewsVocab.SCHEMA_KEYWORDS, tag);
      try {
        e.iri(NewsVocab.TAG_PROP, iris.tag(tag));
      } catch (IllegalArgumentException ex) {
        throw new MappingException(a.position(), "tag " + ex.getMessage());
      }
    }
    e.string(NewsVocab.SITE_PATH, x.path());
  }

  private Node provider(Provider p, Node g, StreamRDF out, boolean ownRecord) {
    Node node = iris.provider(p.domain());
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.PROVIDER);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SCHEMA_ORGANIZATION);
    e.string(NewsVocab.DOMAIN, p.domain());
    // A record names its own provider with authority; a citing record only says what it saw,
    // and real citing records sometimes put a headline where the name belongs.
    e.string(ownRecord ? NewsVocab.SCHEMA_NAME : NewsVocab.NAME_AS_CITED, p.name());
    for (Image logo : p.images()) {
      e.iri(NewsVocab.LOGO, images.describe(logo, g, out));
    }
    return node;
  }

  private Node topic(String name, Node g, StreamRDF out, Article a) {
    Node node;
    try {
      node = iris.topic(name);
    } catch (IllegalArgumentException ex) {
      throw new MappingException(a.position(), "topic " + ex.getMessage());
    }
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.TOPIC);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SKOS_CONCEPT);
    // The taxonomy's prefLabel is the authority; the article says the name it uses.
    e.string(NewsVocab.SCHEMA_NAME, name.strip());
    return node;
  }

  private static Node urlNode(String url, Article a) {
    if (url == null) {
      return null;
    }
    try {
      return IriFactory.url(url);
    } catch (IllegalArgumentException e) {
      throw new MappingException(a.position(), e.getMessage());
    }
  }

  private static Node schemaType(String type) {
    if (type == null) {
      return NewsVocab.SCHEMA_CREATIVE_WORK;
    }
    return switch (type) {
      case "article", "news" -> NewsVocab.SCHEMA_NEWS_ARTICLE;
      case "video" -> NewsVocab.SCHEMA_VIDEO_OBJECT;
      default -> NewsVocab.SCHEMA_CREATIVE_WORK;
    };
  }
}
