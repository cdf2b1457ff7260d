package org.newsgraph.vocab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.newsgraph.model.UrlLib;

/**
 * Mints the deterministic IRIs of docs/mapping.md (section "Identity") under a data base IRI: the
 * same input always gives the same IRI, and no blank node is ever made. Immutable and thread-safe.
 */
public final class IriFactory {

  /** The default base IRI for data. */
  public static final String DEFAULT_BASE = "https://w3id.org/newsgraph/id/";

  /** The kinds of record whose graphs are named {@code {base}graph/KIND/KEY}. */
  private static final java.util.List<String> RECORD_GRAPH_KINDS =
      java.util.List.of("article", "topic", "tag", "organization");

  private final String base;

  private IriFactory(String base) {
    this.base = base;
  }

  /**
   * A factory for a base IRI.
   *
   * @param base an absolute IRI ending in {@code /} or {@code #}
   * @throws IllegalArgumentException when the base is not such an IRI
   */
  public static IriFactory of(String base) {
    if (!(base.endsWith("/") || base.endsWith("#"))) {
      throw new IllegalArgumentException("base IRI must end with '/' or '#': " + base);
    }
    try {
      IRIx iri = IRIx.create(base);
      if (!iri.isAbsolute()) {
        throw new IllegalArgumentException("base IRI must be absolute: " + base);
      }
    } catch (IRIException e) {
      throw new IllegalArgumentException("base IRI is not valid: " + e.getMessage());
    }
    return new IriFactory(base);
  }

  /** The base IRI. */
  public String base() {
    return base;
  }

  /** The key of an article: the first 16 hex digits of the SHA-256 of its canonical URL. */
  public static String articleKey(String canonicalUrl) {
    return sha256Hex(canonicalUrl).substring(0, 16);
  }

  /**
   * The 64 bits of the key of an IRI minted as {@code prefix} followed by the 16 hex digits of
   * {@link #articleKey(String)}, for compact per-article tables.
   *
   * @return the key as a long, or -1 when the IRI is not of that form (the one key whose digits are
   *     all {@code f} also gives -1: callers treat it as not minted, which only costs them memory)
   */
  public static long keyBits(String iri, String prefix) {
    if (iri.length() != prefix.length() + 16 || !iri.startsWith(prefix)) {
      return -1;
    }
    long value = 0;
    for (int i = prefix.length(); i < iri.length(); i++) {
      char c = iri.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /**
   * The 16 lower-case hex digits of a key's 64 bits: the inverse of {@link #keyBits}, so {@code
   * prefix + keyText(keyBits(iri, prefix))} gives the IRI back.
   */
  public static String keyText(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }

  /**
   * The article node for any URL of the article.
   *
   * @throws IllegalArgumentException when the URL cannot be canonicalised
   */
  public Node article(String url) {
    return articleOfCanonical(UrlLib.canonical(url));
  }

  /** The named graph of the record that describes an article. */
  public Node articleGraph(String url) {
    return articleGraphOfCanonical(UrlLib.canonical(url));
  }

  /** The article node of a URL already in canonical form ({@link UrlLib#canonical(String)}). */
  public Node articleOfCanonical(String canonicalUrl) {
    return NodeFactory.createURI(base + "article/" + articleKey(canonicalUrl));
  }

  /** The record graph of an article whose URL is already in canonical form. */
  public Node articleGraphOfCanonical(String canonicalUrl) {
    return NodeFactory.createURI(base + "graph/article/" + articleKey(canonicalUrl));
  }

  /**
   * The named graph of an article's own record, from the article's IRI: {@code {base}article/KEY}
   * gives {@code {base}graph/article/KEY}.
   *
   * @return the graph, or null when the node is not an article IRI minted by this scheme
   */
  public static Node ownGraphOfArticle(Node article) {
    if (!article.isURI()) {
      return null;
    }
    String iri = article.getURI();
    int at = iri.lastIndexOf("article/");
    if (at < 0 || iri.indexOf('/', at + 8) >= 0) {
      return null;
    }
    return NodeFactory.createURI(iri.substring(0, at) + "graph/" + iri.substring(at));
  }

  /** The provider node of a domain (lower case host name). */
  public Node provider(String domain) {
    return checked(base + "provider/" + domain.toLowerCase(Locale.ROOT));
  }

  /** The topic node of a topic name or taxonomy id. */
  public Node topic(String nameOrId) {
    return checked(base + "topic/" + slug(nameOrId));
  }

  /** The node of a tag of the site's tag list (by id or name). */
  public Node tag(String idOrName) {
    return checked(base + "tag/" + slug(idOrName));
  }

  /** The SKOS concept scheme of the topic taxonomy. */
  public Node topicScheme() {
    return checked(base + "taxonomy/topics");
  }

  /** The SKOS concept scheme of the tag list. */
  public Node tagScheme() {
    return checked(base + "taxonomy/tags");
  }

  /** The named graph of a topic taxonomy record. */
  public Node topicGraph(String id) {
    return checked(base + "graph/topic/" + slug(id));
  }

  /** The named graph of a tag record. */
  public Node tagGraph(String id) {
    return checked(base + "graph/tag/" + slug(id));
  }

  /** The named graph of an organization record, keyed by the provider's domain. */
  public Node organizationGraph(String domain) {
    return checked(base + "graph/organization/" + domain.toLowerCase(Locale.ROOT));
  }

  /** The node of an image known only by its path in the site ({@code /assets/...}). */
  public Node sitePathImage(String path) {
    return checked(base + "image/" + sha256Hex(path).substring(0, 16));
  }

  /**
   * True when a graph under this base is the graph of one source record (an article, topic, tag or
   * organization record), as opposed to a project graph (ontology, links, meta) or derived data
   * (stories). Graphs outside the base are not this factory's and give false.
   */
  public boolean isRecordGraph(Node graph) {
    if (!graph.isURI()) {
      return false;
    }
    String iri = graph.getURI();
    for (String kind : RECORD_GRAPH_KINDS) {
      if (iri.startsWith(base + "graph/" + kind + "/")) {
        return true;
      }
    }
    return false;
  }

  /** A graph for project-wide data: "ontology", "taxonomy", "links", "meta". */
  public Node systemGraph(String name) {
    return checked(base + "graph/" + name);
  }

  /**
   * An IRI node for a URL taken from a record, after {@link UrlLib#clean(String)}.
   *
   * @throws IllegalArgumentException when the URL is not a valid IRI
   */
  public static Node url(String url) {
    return checked(UrlLib.clean(url));
  }

  /**
   * Turns a label into an IRI-safe slug: lower case, letters and digits joined by single dashes.
   */
  public static String slug(String label) {
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    String lower = label.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        out.appendCodePoint(cp);
        dash = false;
      } else {
        dash = true;
      }
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException(
          "no letters or digits to make an identifier from: '" + label + "'");
    }
    return out.toString();
  }

  private static Node checked(String iri) {
    try {
      IRIx parsed = IRIx.create(iri);
      if (!parsed.isReference()) {
        throw new IllegalArgumentException("not an absolute IRI: " + iri);
      }
    } catch (IRIException e) {
      throw new IllegalArgumentException("not a valid IRI: " + iri + " (" + e.getMessage() + ")");
    }
    return NodeFactory.createURI(iri);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
