package org.newsgraph.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand has: the console and its own spec; subclasses return an exit code. */
abstract class BaseCommand implements Callable<Integer> {

  /** Set by the factory before the command runs. */
  Console console;

  @Spec CommandSpec spec;
}
