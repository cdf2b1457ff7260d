package org.newsgraph.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL checks and canonicalisation. The canonical URL is the identity of an article: the same
 * article reached over http or https, with or without a trailing slash, with tracking parameters,
 * or through its AMP or AMP-cache URL, has one canonical URL. Stateless and thread-safe.
 */
public final class UrlLib {

  /**
   * The query parameters that only track a visit and never tell one article from another; {@link
   * #canonical(String)} drops them (names compared case-insensitively), together with every name
   * starting with one of {@link #TRACKING_PREFIXES}. Every input (records, feeds, pages, WARC
   * captures) goes through this one rule; docs/inputs.md lists it. Parameters that carry identity
   * ({@code ?p=123}, {@code ?id=}, {@code article.cfm?objectid=}) are kept, in their order.
   */
  public static final Set<String> TRACKING_PARAMS =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "msclkid",
          "ocid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "cmpid",
          "ito",
          "_ga",
          "yclid",
          "amp",
          "outputtype",
          "ref_src",
          "guccounter");

  /**
   * Prefixes of tracking parameter names: {@code utm_} (Google Analytics campaigns) and {@code ns_}
   * (comScore, as in the BBC's {@code ns_mchannel}, {@code ns_source}, {@code ns_campaign}).
   */
  public static final List<String> TRACKING_PREFIXES = List.of("utm_", "ns_");

  private static final String AMP_CACHE_SUFFIX = ".cdn.ampproject.org";

  private UrlLib() {}

  /**
   * Makes a URL safe to use as an IRI, changing nothing that matters: surrounding white space is
   * removed, characters that may not appear in an IRI (space, {@code <>"{}|\^`}) are
   * percent-encoded, a Unicode host is converted to its ASCII form, scheme and host are
   * lower-cased.
   *
   * @param url an absolute http(s) URL as written in a record
   * @return the cleaned URL
   * @throws IllegalArgumentException naming what is wrong, when the URL is not an absolute http(s)
   *     URL with a host
   */
  public static String clean(String url) {
    String text = url.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty URL");
    }
    String encoded = encodeUnsafe(text);
    URI uri;
    try {
      uri = new URI(encoded);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL (" + e.getReason() + "): " + url);
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IllegalArgumentException("not an absolute URL (no scheme): " + url);
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL: " + url);
    }
    String host = hostOf(uri, url);
    String rest = encoded.substring(encoded.indexOf("//") + 2);
    int slash = indexOfAny(rest, "/?#");
    String tail = slash < 0 ? "" : rest.substring(slash);
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
    return scheme + "://" + userInfo + host + port + tail;
  }

  /**
   * The canonical form of a URL, used to identify articles: https, lower-case host without a
   * default port, AMP-cache URLs unwrapped, no fragment, no tracking or AMP parameters, no trailing
   * {@code /amp} segment, no trailing slash except for the root path.
   *
   * @param url an absolute http(s) URL
   * @return the canonical URL
   * @throws IllegalArgumentException when {@link #clean(String)} rejects the URL
   */
  public static String canonical(String url) {
    // WordPress feeds write '&' in query strings as an HTML reference; the URL meant is the same.
    String unescaped = url.replace("&#038;", "&").replace("&#38;", "&").replace("&amp;", "&");
    String cleaned = clean(unescaped);
    URI uri = URI.create(cleaned);
    String host = hostOf(uri, cleaned);
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    int port = portOf(uri);
    if (host.endsWith(AMP_CACHE_SUFFIX)) {
      String unwrapped = unwrapAmpCache(rawPath);
      if (unwrapped != null) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return canonical(unwrapped + query);
      }
    }
    if ((port == 80 || port == 443)) {
      port = -1;
    }
    String path = canonicalPath(rawPath);
    String query = canonicalQuery(uri.getRawQuery());
    return "https://" + host + (port < 0 ? "" : ":" + port) + path + query;
  }

  /**
   * The registrable-looking domain of a URL's host, with a leading {@code www.} removed; used when
   * a provider gives no domain.
   */
  public static String domainOf(String url) {
    String cleaned = clean(url);
    String host = hostOf(URI.create(cleaned), cleaned);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String hostOf(URI uri, String original) {
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI leaves the host null for non-ASCII or otherwise unusual authorities.
      String authority = uri.getRawAuthority();
      if (authority == null || authority.isEmpty()) {
        throw new IllegalArgumentException("URL has no host: " + original);
      }
      String hostPart = authority.replaceFirst("^[^@]*@", "").replaceFirst(":\\d+$", "");
      try {
        host = IDN.toASCII(percentDecode(hostPart), IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("URL has an invalid host: " + original);
      }
      if (host.isEmpty()) {
        throw new IllegalArgumentException("URL has no host: " + original);
      }
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** The port, also when java.net.URI could not parse the authority as host and port. */
  private static int portOf(URI uri) {
    if (uri.getHost() != null || uri.getRawAuthority() == null) {
      return uri.getPort();
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(":(\\d{1,5})$").matcher(uri.getRawAuthority());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static String unwrapAmpCache(String path) {
    // /c/s/example.com/path (https) or /c/example.com/path (http); /v/ and /i/ are the same for us.
    String[] parts = path.split("/", 5);
    if (parts.length < 3
        || !(parts[1].equals("c") || parts[1].equals("v") || parts[1].equals("i"))) {
      return null;
    }
    if (parts[2].equals("s") && parts.length >= 4) {
      return "https://" + parts[3] + (parts.length == 5 ? "/" + parts[4] : "");
    }
    String rest = path.substring(3);
    return "http://" + rest;
  }

  private static String canonicalPath(String rawPath) {
    String path = rawPath.isEmpty() ? "/" : rawPath;
    if (path.endsWith("/amp") || path.endsWith("/amp/")) {
      path = path.substring(0, path.lastIndexOf("/amp"));
      if (path.isEmpty()) {
        path = "/";
      }
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      String lower = key.toLowerCase(Locale.ROOT);
      if (isTracking(lower)) {
        continue;
      }
      kept.add(pair);
    }
    return kept.isEmpty() ? "" : "?" + String.join("&", kept);
  }

  /** True for a query parameter name (lower case) that the canonical URL drops. */
  private static boolean isTracking(String lowerName) {
    if (TRACKING_PARAMS.contains(lowerName)) {
      return true;
    }
    for (String prefix : TRACKING_PREFIXES) {
      if (lowerName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String encodeUnsafe(String text) {
    int first = 0;
    while (first < text.length() && !isUnsafe(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // the usual case: nothing to encode
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        if (Character.isISOControl(c) && c != ' ') {
          throw new IllegalArgumentException(
              "URL contains a control character (U+"
                  + String.format("%04X", (int) c)
                  + "): "
                  + text);
        }
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isUnsafe(char c) {
    return c <= 0x20 || c == 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0;
  }

  private static String percentDecode(String text) {
    return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
