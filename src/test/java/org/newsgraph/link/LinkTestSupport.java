package org.newsgraph.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.newsgraph.cli.Console;
import org.newsgraph.cli.Main;

/** Runs the CLI in-process and keeps what it printed. */
final class LinkTestSupport {

  /** What a command printed and returned. */
  record Run(int exit, String out, String err) {}

  private LinkTestSupport() {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new Console(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true)));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
  }
}
