package org.newsgraph.subscribe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted feed server for tests, on an ephemeral loopback port: each path answers with what its
 * handler says, and every request is kept with its headers.
 */
final class FeedServer implements AutoCloseable {

  /** What a path answers. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange, int count) throws IOException;
  }

  /** One request as the server saw it. */
  record Request(String path, Headers headers) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final List<Request> requests = new ArrayList<>();

  /** Released when the server closes, so that a handler made slow does not outlive the test. */
  final CountDownLatch closing = new CountDownLatch(1);

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          synchronized (requests) {
            requests.add(new Request(path, exchange.getRequestHeaders()));
          }
          int count = counts.merge(path, 1, Integer::sum);
          Handler handler = routes.get(path);
          try {
            if (handler == null) {
              send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
              handler.handle(exchange, count);
            }
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** The URL of a path on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  FeedServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Requests made to a path so far. */
  List<Request> requests(String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.path().equals(path)).toList();
    }
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static void sendFeed(HttpExchange exchange, String xml) throws IOException {
    send(exchange, 200, "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** A small RSS 2.0 feed: the channel built at {@code built}, items as link/title pairs. */
  static String rss(String built, String... linkTitle) {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
                + "<title>Harbour Gazette</title><link>https://gazette.example.org/</link>\n"
                + "<description>Local news</description><lastBuildDate>"
                + built
                + "</lastBuildDate>\n");
    for (int i = 0; i < linkTitle.length; i += 2) {
      s.append("<item><title>")
          .append(linkTitle[i + 1])
          .append("</title><link>")
          .append(linkTitle[i])
          .append("</link><description>About ")
          .append(linkTitle[i + 1])
          .append(".</description><pubDate>Mon, 07 Dec 2026 06:00:00 GMT</pubDate></item>\n");
    }
    return s.append("</channel></rss>\n").toString();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
