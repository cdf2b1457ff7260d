package org.newsgraph.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The streams a command talks through: data to {@code out}, everything for people (progress,
 * warnings, errors, summaries) to {@code err}.
 *
 * @param in standard input, for {@code ingest -}
 * @param out data output; commands flush it, never close it
 * @param err messages for people
 */
public record Console(InputStream in, OutputStream out, PrintWriter err) {

  /** The process's own streams. */
  public static Console system() {
    return new Console(System.in, System.out, new PrintWriter(System.err, true));
  }
}
