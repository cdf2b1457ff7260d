package org.newsgraph.subscribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What is remembered of one feed between fetches, in its archive folder: the URL it was subscribed
 * as, and the validators of its last response for the next conditional GET.
 *
 * @param url the feed's URL (the folder belongs to it)
 * @param etag the last {@code ETag}, or null
 * @param lastModified the last {@code Last-Modified}, or null
 * @param checked when it was last fetched with an answer (ISO-8601), or null
 * @param movedTo where a permanent redirect last led, or null
 */
record FeedState(String url, String etag, String lastModified, String checked, String movedTo) {

  /** A feed with nothing remembered yet. */
  static FeedState fresh(String url) {
    return new FeedState(url, null, null, null, null);
  }

  /** Reads a state file, or returns null when there is none. */
  static FeedState read(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    }
    return new FeedState(
        p.getProperty("url"),
        p.getProperty("etag"),
        p.getProperty("last-modified"),
        p.getProperty("checked"),
        p.getProperty("moved-to"));
  }

  /** The state as the bytes of its file. */
  byte[] toBytes() throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("# newsgraph: the validators of this feed's last response, for conditional GETs\n");
    put(s, "url", url);
    put(s, "etag", etag);
    put(s, "last-modified", lastModified);
    put(s, "checked", checked);
    put(s, "moved-to", movedTo);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void put(StringBuilder s, String key, String value) {
    if (value == null) {
      return;
    }
    // Properties escaping for the value: backslash, leading spaces, line breaks, '#' and '!' first
    StringBuilder v = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> v.append("\\\\");
        case '\n' -> v.append("\\n");
        case '\r' -> v.append("\\r");
        case '\t' -> v.append("\\t");
        case ' ' -> v.append(i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20) {
            v.append(String.format("\\u%04x", (int) c));
          } else {
            v.append(c);
          }
        }
      }
    }
    s.append(key).append('=').append(v).append('\n');
  }
}
