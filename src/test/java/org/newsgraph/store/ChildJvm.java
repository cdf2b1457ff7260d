package org.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code newsgraph} in a child JVM on the test classpath, as a user would run it. */
final class ChildJvm {

  private ChildJvm() {}

  /** Starts {@code newsgraph args...}; stdout and stderr go to files in {@code logs}. */
  static Process start(Path logs, String name, String... args) throws IOException {
    return start(logs, name, newsgraph("512m", args));
  }

  /** Starts {@code newsgraph args...} with a maximum heap such as {@code 160m}. */
  static Process startWithHeap(Path logs, String name, String heap, String... args)
      throws IOException {
    return start(logs, name, newsgraph(heap, args));
  }

  /**
   * Starts {@code newsgraph args...} under a file size limit ({@code ulimit -f}, in 512-byte
   * blocks): writes past it fail with EFBIG, as on a full disk, and that works even for root.
   */
  static Process startLimited(Path logs, String name, long blocks, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of("sh", "-c", "ulimit -f " + blocks + " && exec \"$0\" \"$@\""));
    command.addAll(newsgraph("512m", args));
    return start(logs, name, command);
  }

  /** The command line of a child JVM running {@code newsgraph args...} on the test classpath. */
  private static List<String> newsgraph(String heap, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsgraph.cli.Main"));
    command.addAll(List.of(args));
    return command;
  }

  private static Process start(Path logs, String name, List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .redirectOutput(logs.resolve(name + ".out").toFile())
        .redirectError(logs.resolve(name + ".err").toFile())
        .start();
  }

  /** Waits for a process to end (killing it after {@code seconds}) and returns its exit code. */
  static int await(Process process, long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("child JVM did not finish within " + seconds + " s");
    }
    return process.exitValue();
  }

  /** The stderr a child wrote. */
  static String err(Path logs, String name) throws IOException {
    return java.nio.file.Files.readString(logs.resolve(name + ".err"), StandardCharsets.UTF_8);
  }
}
