package org.newsgraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the query page and its assets from the jar ({@code org/newsgraph/web/}): {@code /} is
 * {@code index.html}, {@code /assets/NAME} any other file there. Nothing is fetched from elsewhere,
 * so the page works offline. Only plain file names of known types are served. Thread-safe.
 */
final class AssetServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String FOLDER = "/org/newsgraph/web/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html", "css", "text/css", "js", "text/javascript", "svg", "image/svg+xml");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = fileName(request);
    InputStream in = name == null ? null : AssetServlet.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such page");
      return;
    }
    try (in;
        OutputStream out = response.getOutputStream()) {
      response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
      response.setCharacterEncoding("UTF-8");
      // The page must never run third-party code: no source other than this server is allowed.
      response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
      response.setHeader("X-Content-Type-Options", "nosniff");
      in.transferTo(out);
    }
  }

  /** The asset a request names, or null when it names none that may be served. */
  private static String fileName(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String info = request.getPathInfo();
    if (servletPath.equals("/assets")) {
      String name = info == null ? "" : info.substring(1);
      return NAME.matcher(name).matches() ? name : null;
    }
    // Mapped at the context root ("" path spec): only "/" itself reaches here.
    return "index.html";
  }
}
