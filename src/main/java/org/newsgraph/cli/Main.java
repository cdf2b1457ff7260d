package org.newsgraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.RemoteUnsupportedException;
import org.newsgraph.store.StoreException;
import picocli.CommandLine;

/** The entry point of {@code java -jar newsgraph.jar}; the only place that calls System.exit. */
public final class Main {

  private Main() {}

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    OutOfMemory.exitOnUncaught();
    System.exit(run(args, Console.system()));
  }

  /**
   * Runs a command without exiting, for tests and embedding.
   *
   * @param args the command line
   * @param console the streams to use
   * @return the exit code
   */
  public static int run(String[] args, Console console) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    MappedFileFault.quietCacheLog();
    CommandLine cli = commandLine(console);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      return OutOfMemory.report(cli.getErr());
    } catch (InternalError e) {
      if (MappedFileFault.in(e)) {
        return MappedFileFault.report(cli.getErr());
      }
      throw e;
    }
  }

  /** The configured command line, with the exception-to-exit-code mapping in one place. */
  public static CommandLine commandLine(Console console) {
    CommandLine cli = new CommandLine(NewsgraphCommand.class, new CommandFactory(console));
    // "query @file.rq" names a query file; picocli would otherwise read it as an argument file.
    cli.setExpandAtFiles(false);
    // The descriptions are written as lines of up to about 100 characters; at picocli's default
    // width of 80 they would be broken again mid-sentence.
    cli.setUsageHelpWidth(110);
    cli.setOut(
        new PrintWriter(
            new java.io.OutputStreamWriter(console.out(), java.nio.charset.StandardCharsets.UTF_8),
            true));
    cli.setErr(console.err());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (OutOfMemory.in(e)) {
            return OutOfMemory.report(err);
          }
          if (MappedFileFault.in(e)) {
            return MappedFileFault.report(err);
          }
          if (e instanceof RemoteUnsupportedException) {
            err.println("newsgraph: " + UserMessages.of(e));
            return ExitCodes.STORE;
          }
          if (e instanceof StoreException) {
            err.println("newsgraph: store unavailable: " + UserMessages.of(e));
            return ExitCodes.STORE;
          }
          if (e instanceof UsageException) {
            err.println("newsgraph: error: " + UserMessages.of(e));
            return ExitCodes.USAGE;
          }
          StringWriter trace = new StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          err.println("newsgraph: internal error: " + e + "\n" + trace);
          return ExitCodes.INTERNAL;
        });
    return cli;
  }

  /** Creates commands and hands every {@link BaseCommand} the console. */
  private record CommandFactory(Console console) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      K instance = CommandLine.defaultFactory().create(type);
      if (instance instanceof BaseCommand command) {
        command.console = console;
      }
      return instance;
    }
  }
}
