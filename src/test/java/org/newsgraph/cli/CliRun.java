package org.newsgraph.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line, with what it wrote.
 *
 * @param exitCode the exit code
 * @param out standard output (data)
 * @param err standard error (messages)
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs the CLI with empty standard input. */
  static CliRun of(String... args) {
    return withInput("", args);
  }

  /** Runs the CLI with the given standard input. */
  static CliRun withInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Console console = new Console(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, new PrintWriter(err, true));
    int code = Main.run(args, console);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }
}
