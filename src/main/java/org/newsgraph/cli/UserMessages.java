package org.newsgraph.cli;

import org.newsgraph.query.ParamException;
import org.newsgraph.store.RemoteRefusedException;
import org.newsgraph.store.StoreLockedException;

/**
 * Words the failures of the layers below in the command line's terms: its options ({@code --param},
 * {@code --endpoint}, {@code --db}) and its own name for the commands it runs.
 */
final class UserMessages {

  private static final String MAIN_CLASS = Main.class.getName();
  private static final String JAR = "newsgraph.jar";

  private UserMessages() {}

  /** The message of a newsgraph exception, as the command line tells it. */
  static String of(Throwable e) {
    if (e instanceof ParamException param) {
      return param.message((name, value) -> "--param " + name + "=" + value);
    }
    if (e instanceof StoreLockedException locked) {
      return "the store "
          + locked.directory()
          + " is in use by "
          + locked.holder().describe(UserMessages::command)
          + "; wait for it to finish, or, if it is 'newsgraph serve', send your work to its "
          + "server with --endpoint URL instead of --db";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof RemoteRefusedException refused && refused.authorizationRefused()) {
        return e.getMessage() + "; check --endpoint-auth";
      }
    }
    return e.getMessage();
  }

  /** A newsgraph command line as the user typed it: {@code newsgraph ingest ...}, not the JVM's. */
  static String command(String commandLine) {
    int at = commandLine.indexOf(MAIN_CLASS);
    String shown =
        at >= 0 ? "newsgraph" + commandLine.substring(at + MAIN_CLASS.length()) : commandLine;
    at = shown.indexOf(JAR);
    if (at >= 0) {
      shown = "newsgraph" + shown.substring(at + JAR.length());
    }
    return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
  }
}
