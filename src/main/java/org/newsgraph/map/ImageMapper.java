package org.newsgraph.map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.newsgraph.model.Image;
import org.newsgraph.model.Position;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Describes images: an absolute URL is the image's own IRI (and its {@code schema:contentUrl}); a
 * site-relative path ({@code /assets/...}, as organization logos are written) gets a minted IRI and
 * keeps the path as {@code news:sitePath}, since the site's address is not in the record.
 */
final class ImageMapper {

  private final IriFactory iris;

  ImageMapper(IriFactory iris) {
    this.iris = iris;
  }

  /** Describes an image in graph {@code g} and returns its node. */
  Node describe(Image image, Node g, StreamRDF out) {
    Node node = node(image.url(), image.position());
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.IMAGE);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SCHEMA_IMAGE_OBJECT);
    if (isSitePath(image.url())) {
      e.string(NewsVocab.SITE_PATH, image.url());
    } else {
      e.iri(NewsVocab.SCHEMA_CONTENT_URL, node);
    }
    e.integer(NewsVocab.WIDTH, image.width());
    e.integer(NewsVocab.HEIGHT, image.height());
    e.string(NewsVocab.SCHEMA_CAPTION, image.title());
    e.string(NewsVocab.ATTRIBUTION, image.attribution());
    e.bool(NewsVocab.IS_CACHED, image.isCached());
    return node;
  }

  /** The node of an image URL or site path. */
  Node node(String url, Position at) {
    try {
      return isSitePath(url) ? iris.sitePathImage(url) : IriFactory.url(url);
    } catch (IllegalArgumentException ex) {
      throw new MappingException(at, "image URL " + ex.getMessage());
    }
  }

  private static boolean isSitePath(String url) {
    return url.startsWith("/") && !url.startsWith("//");
  }
}
