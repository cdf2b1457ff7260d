package org.newsgraph.map;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Provider;
import org.newsgraph.model.UrlLib;
import org.newsgraph.source.Record;

/**
 * Maps an article record to quads in the record's own named graph, pushed into a {@link StreamRDF}
 * (no model is built). The record's related entries are described in the same graph, on the nodes
 * of the cited articles, so that they meet the cited articles' own graphs when those are ingested.
 * Stateless apart from the IRI factory; thread-safe.
 */
public final class ArticleMapper {

  private final IriFactory iris;

  /** A mapper minting IRIs with the given factory. */
  public ArticleMapper(IriFactory iris) {
    this.iris = iris;
  }

  /**
   * Maps one record.
   *
   * @param record the record
   * @param out receives the quads; {@code start}/{@code finish} are not called
   * @param problems receives warnings for values left out (such as relative image URLs)
   * @return the named graph the quads were written to
   * @throws MappingException when an IRI cannot be minted for a value the record needs
   */
  public Node map(Record record, StreamRDF out, List<Problem> problems) {
    Article article = record.article();
    Node graph = graphOf(article);
    Node subject = describe(article, graph, out, record.source(), problems, true);
    for (Article related : article.related()) {
      Node cited = describe(related, graph, out, record.source(), problems, false);
      out.quad(quad(graph, subject, NewsVocab.RELATED, cited));
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

  private Node describe(Article a, Node g, StreamRDF out, String source, List<Problem> problems,
      boolean ownRecord) {
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
    if (a.provider() != null) {
      e.iri(NewsVocab.SCHEMA_PUBLISHER, provider(a.provider(), g, out, source, problems, ownRecord));
    }
    for (String topic : a.topics()) {
      e.iri(NewsVocab.SCHEMA_ABOUT, topic(topic, g, out, a));
    }
    for (Image image : a.images()) {
      Node node = image(image, g, out, source, problems);
      if (node != null) {
        e.iri(NewsVocab.SCHEMA_IMAGE, node);
      }
    }
    return s;
  }

  private Node provider(Provider p, Node g, StreamRDF out, String source, List<Problem> problems,
      boolean ownRecord) {
    Node node = iris.provider(p.domain());
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.PROVIDER);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SCHEMA_ORGANIZATION);
    e.string(NewsVocab.DOMAIN, p.domain());
    // A record names its own provider with authority; a citing record only says what it saw,
    // and real citing records sometimes put a headline where the name belongs.
    e.string(ownRecord ? NewsVocab.SCHEMA_NAME : NewsVocab.NAME_AS_CITED, p.name());
    for (Image logo : p.images()) {
      Node image = image(logo, g, out, source, problems);
      if (image != null) {
        e.iri(NewsVocab.LOGO, image);
      }
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
    e.string(NewsVocab.SKOS_PREF_LABEL, name.strip());
    return node;
  }

  private Node image(Image image, Node g, StreamRDF out, String source, List<Problem> problems) {
    Node node;
    try {
      node = IriFactory.url(image.url());
    } catch (IllegalArgumentException ex) {
      problems.add(Problem.warning(source, image.position(),
          "image left out: its URL is not an absolute http(s) IRI: '" + image.url() + "'"));
      return null;
    }
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.IMAGE);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SCHEMA_IMAGE_OBJECT);
    e.iri(NewsVocab.SCHEMA_CONTENT_URL, node);
    e.integer(NewsVocab.WIDTH, image.width());
    e.integer(NewsVocab.HEIGHT, image.height());
    e.string(NewsVocab.SCHEMA_CAPTION, image.title());
    e.string(NewsVocab.ATTRIBUTION, image.attribution());
    e.bool(NewsVocab.IS_CACHED, image.isCached());
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

  private static org.apache.jena.sparql.core.Quad quad(Node g, Node s, Node p, Node o) {
    return org.apache.jena.sparql.core.Quad.create(g, s, p, o);
  }

  /** Writes the statements of one subject in one graph, skipping absent values. */
  private record Emitter(Node g, Node s, StreamRDF out) {
    void iri(Node p, Node o) {
      if (o != null) {
        out.quad(quad(g, s, p, o));
      }
    }

    void string(Node p, String value) {
      if (value != null) {
        out.quad(quad(g, s, p, NodeFactory.createLiteralString(value)));
      }
    }

    void typed(Node p, String lexical, XSDDatatype type) {
      if (lexical != null) {
        out.quad(quad(g, s, p, NodeFactory.createLiteralDT(lexical, type)));
      }
    }

    void integer(Node p, Long value) {
      if (value != null) {
        out.quad(quad(g, s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger)));
      }
    }

    void bool(Node p, Boolean value) {
      if (value != null) {
        out.quad(quad(g, s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDboolean)));
      }
    }
  }
}
