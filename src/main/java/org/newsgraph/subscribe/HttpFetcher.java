package org.newsgraph.subscribe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL the way a polite feed reader does: a conditional GET with the validators of the
 * last snapshot, a clear {@code User-Agent}, a connect timeout and a deadline for the whole
 * response, retries with exponential backoff on connection errors, 429 and 5xx (honouring {@code
 * Retry-After}), a least interval between requests to one host, redirects followed (at most {@value
 * #MAX_REDIRECTS}) with a permanent one reported, a size cap on the body, and gzip or deflate
 * content encoding undone. On {@link java.net.http.HttpClient}. For one thread at a time.
 */
final class HttpFetcher {

  static final int MAX_REDIRECTS = 5;

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
          + " application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

  private final FetchSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HostPacer pacer;
  private final HttpClient client;

  HttpFetcher(FetchSettings settings, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pacer = new HostPacer(settings.hostInterval(), clock, sleeper);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * What a fetch gave.
   *
   * @param status the final status: 200 (or another 2xx) with a body, or 304
   * @param body the body, content encoding undone; empty for 304
   * @param etag the {@code ETag} of the response, or null
   * @param lastModified the {@code Last-Modified} of the response, or null
   * @param movedTo where a permanent redirect (301, 308) from the first URL leads, or null
   */
  record Response(int status, byte[] body, String etag, String lastModified, URI movedTo) {
    boolean notModified() {
      return status == 304;
    }
  }

  /**
   * Fetches a URL.
   *
   * @param uri an http or https URL
   * @param etag the validator to send as {@code If-None-Match}, or null
   * @param lastModified the validator to send as {@code If-Modified-Since}, or null
   * @throws FetchFailure with the reason, when no usable response came
   */
  Response get(URI uri, String etag, String lastModified) throws FetchFailure {
    URI current = uri;
    URI movedTo = null;
    boolean permanentSoFar = true;
    for (int hop = 0; ; hop++) {
      HttpResponse<byte[]> response = withRetries(current, etag, lastModified);
      int status = response.statusCode();
      if (isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
          throw new FetchFailure("HTTP " + status + " without a Location header");
        }
        if (hop >= MAX_REDIRECTS) {
          throw new FetchFailure(
              "more than " + MAX_REDIRECTS + " redirects (last to " + location + ")");
        }
        URI next;
        try {
          next = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
          throw new FetchFailure("HTTP " + status + " to a malformed Location: " + location);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new FetchFailure("HTTP " + status + " to a URL that is not http(s): " + next);
        }
        permanentSoFar &= status == 301 || status == 308;
        if (permanentSoFar) {
          movedTo = next;
        }
        current = next;
        continue;
      }
      if (status == 304) {
        return new Response(304, new byte[0], etag(response), lastModified(response), movedTo);
      }
      if (status / 100 != 2) {
        throw new FetchFailure(statusText(status));
      }
      byte[] body = decode(response.headers(), response.body());
      return new Response(status, body, etag(response), lastModified(response), movedTo);
    }
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElse(null);
  }

  private static String lastModified(HttpResponse<?> response) {
    return response.headers().firstValue("Last-Modified").orElse(null);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean retryable(int status) {
    return status == 429 || status / 100 == 5;
  }

  private HttpResponse<byte[]> withRetries(URI uri, String etag, String lastModified)
      throws FetchFailure {
    String host = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    for (int attempt = 1; ; attempt++) {
      if (!pacer.await(host)) {
        throw FetchFailure.stopped();
      }
      boolean last = attempt > settings.retries();
      Duration backoff = settings.retryWait().multipliedBy(1L << Math.min(attempt - 1, 20));
      try {
        HttpResponse<byte[]> response = send(uri, etag, lastModified);
        int status = response.statusCode();
        if (!retryable(status)) {
          return response;
        }
        String tried = attempt > 1 ? " (after " + attempt + " attempts)" : "";
        Duration asked = retryAfter(response.headers());
        if (asked != null && asked.compareTo(settings.maxRetryAfter()) > 0) {
          throw new FetchFailure(
              statusText(status)
                  + ", and Retry-After asks to wait "
                  + Durations.format(asked.truncatedTo(ChronoUnit.SECONDS))
                  + ", more than the "
                  + Durations.format(settings.maxRetryAfter())
                  + " waited"
                  + tried);
        }
        if (last) {
          throw new FetchFailure(statusText(status) + tried);
        }
        if (!sleeper.sleep(asked != null && asked.compareTo(backoff) > 0 ? asked : backoff)) {
          throw FetchFailure.stopped();
        }
      } catch (ReadTimeout e) {
        throw new FetchFailure(
            "no complete response within " + Durations.format(settings.readTimeout()));
      } catch (TooLarge e) {
        throw new FetchFailure(e.getMessage());
      } catch (IOException e) {
        if (last) {
          throw new FetchFailure(
              describe(uri, e) + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
        }
        if (!sleeper.sleep(backoff)) {
          throw FetchFailure.stopped();
        }
      }
    }
  }

  private HttpResponse<byte[]> send(URI uri, String etag, String lastModified)
      throws IOException, FetchFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.readTimeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept", ACCEPT)
            .header("Accept-Encoding", "gzip, deflate");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // no h2c upgrade offer on plain connections: some servers answer it badly
      request.version(HttpClient.Version.HTTP_1_1);
    }
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    long max = settings.maxBytes();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request.build(), info -> new CappedBody(max));
    try {
      // the connection's own timeout comes first; the deadline then covers the whole response
      long deadline = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
      return future.get(deadline, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ReadTimeout();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw FetchFailure.stopped();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof java.util.concurrent.CompletionException
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof TooLarge tooLarge) {
        throw tooLarge;
      }
      if (cause instanceof HttpTimeoutException timeout
          && !(timeout instanceof HttpConnectTimeoutException)) {
        throw new ReadTimeout();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new FetchFailure(String.valueOf(cause));
    }
  }

  /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null. */
  Duration retryAfter(HttpHeaders headers) {
    String value = headers.firstValue("Retry-After").orElse(null);
    if (value == null) {
      return null;
    }
    value = value.trim();
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private byte[] decode(HttpHeaders headers, byte[] body) throws FetchFailure {
    String encoding =
        headers.firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    try {
      switch (encoding) {
        case "", "identity":
          return body;
        case "gzip", "x-gzip":
          return inflated(new GZIPInputStream(new ByteArrayInputStream(body)));
        case "deflate":
          // properly a zlib stream; some servers send raw deflate
          boolean zlib =
              body.length >= 2
                  && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0
                  && (body[0] & 0x0F) == 8;
          return inflated(
              new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)));
        default:
          throw new FetchFailure("unsupported Content-Encoding '" + encoding + "'");
      }
    } catch (IOException e) {
      throw new FetchFailure("cannot undo Content-Encoding '" + encoding + "': " + e.getMessage());
    }
  }

  private byte[] inflated(InputStream in) throws IOException, FetchFailure {
    try (in) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
      if (out.length > settings.maxBytes()) {
        throw new FetchFailure(
            "the body inflates to more than the limit of "
                + settings.maxBytes()
                + " bytes (raise it with --max-file-size)");
      }
      return out;
    }
  }

  private String describe(URI uri, IOException e) {
    String message = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
      if (message == null && c.getMessage() != null && !c.getMessage().isBlank()) {
        message = c.getMessage();
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + Durations.format(settings.connectTimeout());
    }
    if (e instanceof ConnectException) {
      return message == null || message.toLowerCase(Locale.ROOT).contains("refused")
          ? "connection refused"
          : "cannot connect: " + message;
    }
    if (e instanceof java.util.zip.ZipException || e.getCause() instanceof DataFormatException) {
      return "corrupt compressed data: " + message;
    }
    return message == null
        ? e.getClass().getSimpleName()
        : message
            + (e.getClass() == IOException.class ? "" : " (" + e.getClass().getSimpleName() + ")");
  }

  static String statusText(int status) {
    String reason =
        switch (status) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 406 -> "Not Acceptable";
          case 410 -> "Gone";
          case 429 -> "Too Many Requests";
          case 500 -> "Internal Server Error";
          case 501 -> "Not Implemented";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> "";
        };
    return "HTTP " + status + (reason.isEmpty() ? "" : " " + reason);
  }

  /** The response did not come whole within the read timeout. */
  private static final class ReadTimeout extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** The body is larger than the cap. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super(
          "the body is larger than the limit of " + max + " bytes (raise it with --max-file-size)");
    }
  }

  /** Collects a body, failing as soon as it passes the cap (the rest is not read). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(max));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
