package org.newsgraph.subscribe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.located.Located;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.source.SafeXml;
import org.newsgraph.source.SourceException;

/**
 * Reads an OPML subscription list, the file feed readers export: every {@code outline} with an
 * {@code xmlUrl}, at any depth (folders are nested outlines), is a feed. The XML is parsed with the
 * hardened parser of the feed reader ({@link SafeXml}): no DTD is loaded, no external entity is
 * resolved, and an entity declaration is an error. Never throws for bad input.
 */
final class Opml {

  private Opml() {}

  /**
   * The feeds of a list.
   *
   * @param urls the feeds' URLs, in document order, each once
   * @param problems errors (the whole list is unusable) and warnings (an outline skipped)
   */
  record Result(List<URI> urls, List<Problem> problems) {
    boolean failed() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /** The prolog (byte-order mark, declaration, comments, DOCTYPE with its subset), then opml. */
  private static final Pattern OPML_FIRST =
      Pattern.compile(
          "\\A(?:\\xEF\\xBB\\xBF)?(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]|\\[.*?\\])*>)*<opml[\\s>/]",
          Pattern.DOTALL);

  /** Whether a document's first element is {@code opml} (its first 4 KB are looked at). */
  static boolean isOpml(byte[] bytes) {
    String head =
        new String(
            bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
    return OPML_FIRST.matcher(head).lookingAt();
  }

  /**
   * Reads a list.
   *
   * @param bytes the document
   * @param source the file or URL as the user named it, for problems
   */
  static Result read(byte[] bytes, String source) {
    List<Problem> problems = new ArrayList<>();
    Set<URI> urls = new LinkedHashSet<>();
    try {
      Document document = SafeXml.parse(bytes);
      Element root = document.getRootElement();
      if (!root.getName().equals("opml")) {
        problems.add(
            Problem.error(
                source,
                positionOf(root),
                "not an OPML subscription list: the root element is <"
                    + root.getQualifiedName()
                    + ">"));
      } else {
        Element body = root.getChild("body", root.getNamespace());
        if (body == null) {
          problems.add(Problem.error(source, positionOf(root), "OPML list without a <body>"));
        } else {
          collect(body, source, urls, problems);
        }
      }
    } catch (SourceException e) {
      String message = e.getMessage().replace("are refused in feeds", "are refused in OPML lists");
      problems.add(Problem.error(source, e.position(), message));
    }
    boolean failed = problems.stream().anyMatch(Problem::isError);
    return new Result(failed ? List.of() : List.copyOf(urls), problems);
  }

  private static void collect(
      Element parent, String source, Set<URI> urls, List<Problem> problems) {
    for (Element outline : parent.getChildren()) {
      if (!outline.getName().equals("outline")) {
        continue;
      }
      String xmlUrl = attribute(outline, "xmlUrl");
      if (xmlUrl != null && !xmlUrl.isBlank()) {
        URI url = feedUrl(xmlUrl.trim());
        if (url == null) {
          problems.add(
              Problem.warning(
                  source,
                  positionOf(outline),
                  "outline's xmlUrl '" + xmlUrl.trim() + "' is not an http(s) URL; skipped"));
        } else {
          urls.add(url);
        }
      }
      collect(outline, source, urls, problems);
    }
  }

  /** The attribute, by its name in any case ({@code xmlUrl}, {@code xmlurl}). */
  private static String attribute(Element element, String name) {
    String value = element.getAttributeValue(name);
    if (value != null) {
      return value;
    }
    return element.getAttributes().stream()
        .filter(a -> a.getName().equalsIgnoreCase(name))
        .map(a -> a.getValue())
        .findFirst()
        .orElse(null);
  }

  /** An absolute http or https URL without its fragment, or null. */
  static URI feedUrl(String text) {
    int hash = text.indexOf('#');
    String bare = hash < 0 ? text : text.substring(0, hash);
    try {
      URI uri = new URI(bare);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Position positionOf(Element element) {
    if (element instanceof Located located && located.getLine() >= 1 && located.getColumn() >= 1) {
      return new Position(located.getLine(), located.getColumn());
    }
    return Position.START;
  }
}
