package org.newsgraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the query page and what it loads, all from the jar: {@code /} is {@code index.html},
 * {@code /assets/NAME} any other file of {@code org/newsgraph/web/} (and {@code
 * /assets/vocabulary.json}, built by {@link PageVocabulary}), and {@code
 * /webjars/LIBRARY/VERSION/FILE} the browser bundles of the WebJars on the class path ({@code
 * META-INF/resources/webjars/}), only the files listed in {@link #LIBRARY_FILES}. Nothing is
 * fetched from elsewhere, so the pages work offline. Library files have versioned paths and are
 * cached for a year; the page's own files are revalidated. Thread-safe.
 */
final class AssetServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String FOLDER = "/org/newsgraph/web/";
  private static final String WEBJARS = "/META-INF/resources/webjars/";
  private static final String VOCABULARY = "vocabulary.json";
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|json)");
  private static final Pattern LIBRARY =
      Pattern.compile("/([a-z0-9_.-]+)/([0-9][0-9a-z.-]*)/([a-z0-9_./-]+)");

  /** The library files the pages may load: WebJar name, then the file's path in its version. */
  static final Set<String> LIBRARY_FILES =
      Set.of(
          "zazuko__yasgui/build/yasgui.min.js",
          "zazuko__yasgui/build/yasgui.min.css",
          "cytoscape/dist/cytoscape.min.js",
          "chart.js/dist/chart.umd.min.js");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html",
          "css", "text/css",
          "js", "text/javascript",
          "svg", "image/svg+xml",
          "json", "application/json");

  /**
   * What the pages may load: only this server. YASGUI's editor and table set styles from script
   * (CodeMirror, DataTables) and its bundle carries inline SVG icons, hence {@code 'unsafe-inline'}
   * for styles and {@code data:} for images; scripts stay {@code 'self'} alone.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  private final transient byte[] vocabulary;

  /**
   * @param vocabulary the JSON served as {@code /assets/vocabulary.json}
   */
  AssetServlet(String vocabulary) {
    this.vocabulary = vocabulary.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String servletPath = request.getServletPath();
    String info = request.getPathInfo();
    InputStream in;
    String name;
    boolean versioned = false;
    if (servletPath.equals("/webjars")) {
      name = libraryFile(info);
      in = name == null ? null : AssetServlet.class.getResourceAsStream(WEBJARS + name);
      versioned = true;
    } else {
      name = fileName(servletPath, info);
      if (VOCABULARY.equals(name)) {
        in = new ByteArrayInputStream(vocabulary);
      } else {
        in = name == null ? null : AssetServlet.class.getResourceAsStream(FOLDER + name);
      }
    }
    if (in == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such page");
      return;
    }
    try (in;
        OutputStream out = response.getOutputStream()) {
      response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
      response.setCharacterEncoding("UTF-8");
      // The page must never run third-party code from elsewhere: no source but this server.
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader(
          "Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
      in.transferTo(out);
    }
  }

  /** The page's own asset a request names, or null when it names none that may be served. */
  private static String fileName(String servletPath, String info) {
    if (servletPath.equals("/assets")) {
      String name = info == null ? "" : info.substring(1);
      return NAME.matcher(name).matches() ? name : null;
    }
    // Mapped at the context root ("" path spec): only "/" itself reaches here.
    return "index.html";
  }

  /** The WebJar resource a path names ({@code LIBRARY/VERSION/FILE}), or null if not listed. */
  private static String libraryFile(String info) {
    Matcher m = LIBRARY.matcher(info == null ? "" : info);
    if (!m.matches() || !LIBRARY_FILES.contains(m.group(1) + "/" + m.group(3))) {
      return null;
    }
    return m.group(1) + "/" + m.group(2) + "/" + m.group(3);
  }
}
