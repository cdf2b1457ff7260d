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
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

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
   * Maps one article, every fact into one stream.
   *
   * @param article the article of the record
   * @param source the record's file, recorded as the graph's {@code dcterms:source}
   * @param out receives the quads; {@code start}/{@code finish} are not called
   * @param problems receives warnings for values left out
   * @return the named graph the quads were written to
   * @throws MappingException when an IRI cannot be minted for a value the record needs
   */
  public Node map(Article article, String source, StreamRDF out, List<Problem> problems) {
    return map(article, source, out, out, problems);
  }

  /**
   * Maps one article as one description of it, split by how descriptions merge: {@code own} gets
   * the facts of which an article has one (type, headline, excerpt, body, dates, scores, flags,
   * language, provider), {@code shared} the facts that accumulate over descriptions (URL forms,
   * categories, tags, topics, images, related articles with what the record says of them, the
   * graph's {@code dcterms:source}).
   *
   * @param article the article of the record
   * @param source the record's file, recorded as the graph's {@code dcterms:source}
   * @param own receives the single-valued facts
   * @param shared receives the multi-valued facts
   * @param problems receives warnings for values left out
   * @return the named graph the quads were written to
   * @throws MappingException when an IRI cannot be minted for a value the record needs
   */
  public Node map(
      Article article, String source, StreamRDF own, StreamRDF shared, List<Problem> problems) {
    Node graph = graphOf(article);
    shared.quad(
        Quad.create(
            graph,
            graph,
            NewsVocab.DCTERMS_SOURCE,
            org.apache.jena.graph.NodeFactory.createLiteralString(source)));
    Node subject = describe(article, graph, own, shared, true);
    for (Article related : article.related()) {
      Node cited = describe(related, graph, shared, shared, false);
      shared.quad(Quad.create(graph, subject, NewsVocab.RELATED, cited));
    }
    return graph;
  }

  /** The named graph of an article's own record. */
  public Node graphOf(Article article) {
    try {
      return iris.articleGraph(article.identifyingUrl());
    } catch (IllegalArgumentException e) {
      throw new MappingException(article.position(), e.getMessage());
    }
  }

  private Node describe(Article a, Node g, StreamRDF own, StreamRDF shared, boolean ownRecord) {
    String canonical;
    try {
      canonical = UrlLib.canonical(a.identifyingUrl());
    } catch (IllegalArgumentException e) {
      throw new MappingException(a.position(), e.getMessage());
    }
    Node s = iris.articleOfCanonical(canonical);
    // One value per article (the winning description's) and facts that accumulate over
    // descriptions.
    Emitter one = new Emitter(g, s, own);
    Emitter all = new Emitter(g, s, shared);
    all.iri(NewsVocab.RDF_TYPE, NewsVocab.ARTICLE);
    one.iri(NewsVocab.RDF_TYPE, schemaType(a.type()));
    one.string(NewsVocab.ITEM_TYPE, a.type());
    one.string(NewsVocab.CATEGORY, a.category());
    one.string(NewsVocab.SCHEMA_HEADLINE, a.title());
    one.string(NewsVocab.SCHEMA_DESCRIPTION, a.excerpt());
    one.typed(NewsVocab.SCHEMA_DATE_PUBLISHED, a.publishedDateTime(), XSDDatatype.XSDdateTime);
    one.typed(NewsVocab.SCHEMA_DATE_MODIFIED, a.updatedDateTime(), XSDDatatype.XSDdateTime);
    all.iri(NewsVocab.SCHEMA_URL, urlNode(a.identifyingUrl(), a));
    all.iri(NewsVocab.CANONICAL_URL, urlNode(canonical, a));
    all.iri(NewsVocab.ORIGINAL_URL, urlNode(a.originalUrl(), a));
    all.iri(NewsVocab.AMP_URL, urlNode(a.ampWebUrl(), a));
    all.iri(NewsVocab.CDN_AMP_URL, urlNode(a.cdnAmpWebUrl(), a));
    one.integer(NewsVocab.QUALITY, a.quality());
    one.integer(NewsVocab.HEAT, a.heat());
    one.bool(NewsVocab.PUBLISHED, a.published());
    one.string(NewsVocab.SECURED, a.secured());
    describeExtra(a, one, all);
    for (Article.Mention mention : a.extra().mentions()) {
      Node entity = urlNode(mention.iri(), a);
      all.iri(mention.about() ? NewsVocab.ABOUT_ENTITY : NewsVocab.SCHEMA_MENTIONS, entity);
      new Emitter(g, entity, shared).string(NewsVocab.SCHEMA_NAME, mention.name());
    }
    if (a.provider() != null) {
      one.iri(NewsVocab.SCHEMA_PUBLISHER, provider(a.provider(), g, own, ownRecord));
      a.provider().publishers().forEach(name -> one.string(NewsVocab.PUBLISHER_NAME, name));
      a.provider().authors().forEach(name -> one.string(NewsVocab.AUTHOR_NAME, name));
    }
    for (String topic : a.topics()) {
      all.iri(NewsVocab.SCHEMA_ABOUT, topic(topic, g, shared, a));
    }
    for (Image image : a.images()) {
      all.iri(NewsVocab.SCHEMA_IMAGE, images.describe(image, g, shared));
    }
    return s;
  }

  private void describeExtra(Article a, Emitter one, Emitter all) {
    Article.Extra x = a.extra();
    all.iri(NewsVocab.SOURCE_URL, urlNode(x.sourceUrl(), a));
    one.typed(NewsVocab.FEATURED_CONTENT, x.featuredContent(), RDFhtml.rdfHTML);
    one.string(NewsVocab.HIGHLIGHT, x.highlight());
    one.string(NewsVocab.SCHEMA_TEXT, x.content());
    one.string(NewsVocab.SCHEMA_IN_LANGUAGE, x.locale());
    x.categories().forEach(category -> all.string(NewsVocab.CATEGORY, category));
    for (String tag : x.tags()) {
      all.string(NewsVocab.SCHEMA_KEYWORDS, tag);
      try {
        all.iri(NewsVocab.TAG_PROP, iris.tag(tag));
      } catch (IllegalArgumentException ex) {
        throw new MappingException(a.position(), "tag " + ex.getMessage());
      }
    }
    all.string(NewsVocab.SITE_PATH, x.path());
    all.string(NewsVocab.DCTERMS_IDENTIFIER, x.identifier());
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
