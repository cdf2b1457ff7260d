package org.newsgraph.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process, as tests do, and keeps what it wrote. */
public final class Cli {

  /**
   * One run of the command line.
   *
   * @param exit the exit code
   * @param out standard output (data)
   * @param err standard error (messages)
   */
  public record Result(int exit, String out, String err) {}

  private Cli() {}

  /** Runs the command line with empty standard input. */
  public static Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs the command line with the given standard input. */
  public static Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintWriter(err, true));
    int exit = Main.run(args, console);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString());
  }
}
