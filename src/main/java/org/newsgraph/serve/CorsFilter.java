package org.newsgraph.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin access for one origin (or {@code *}), installed only when the user asks with {@code
 * --cors}: adds the CORS response headers for requests from that origin and answers their
 * preflight. Requests from other origins get no CORS headers, so browsers keep blocking them.
 * Thread-safe.
 */
final class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final String origin;

  /** A filter allowing one origin, such as {@code https://dash.example.org}, or {@code *}. */
  CorsFilter(String origin) {
    this.origin = origin;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String from = request.getHeader("Origin");
    if (from == null || !(origin.equals("*") || origin.equals(from))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin.equals("*") ? "*" : from);
    response.addHeader("Vary", "Origin");
    response.setHeader("Access-Control-Expose-Headers", ServeSettings.TRUNCATED_HEADER);
    boolean preflight =
        request.getMethod().equals("OPTIONS")
            && request.getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization");
      response.setHeader("Access-Control-Max-Age", "600");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }
}
