package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's answer to an exhausted heap. The real thing (a record too large for a 64 MB
 * heap) is in {@code SmallHeapTest}; this covers the paths it cannot aim at.
 */
@Tag("slow")
class OutOfMemoryTest {

  @TempDir Path tmp;

  @Test
  void anOutOfMemoryErrorIsFoundAmongTheCauses() {
    assertThat(
            OutOfMemory.in(
                new IllegalStateException(new RuntimeException(new OutOfMemoryError("x")))))
        .isTrue();
    assertThat(OutOfMemory.in(new IllegalStateException(new StackOverflowError()))).isFalse();
    StringWriter err = new StringWriter();
    assertThat(OutOfMemory.report(new PrintWriter(err))).isEqualTo(4);
    assertThat(err.toString())
        .startsWith("newsgraph: out of memory: the Java heap (at most ")
        .contains("-Xmx")
        .endsWith(System.lineSeparator())
        .hasLineCount(1);
  }

  /**
   * A thread nobody joins dies of an OutOfMemoryError while the main thread waits for what it would
   * have sent: without the handler the process hangs for ever, with it it exits 4 at once.
   */
  @Test
  void aThreadDyingOfOutOfMemoryStopsTheProcessInsteadOfLeavingItHanging() throws Exception {
    Path err = tmp.resolve("err");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    StuckOnADeadThread.class.getName()))
            .redirectError(err.toFile())
            .redirectOutput(tmp.resolve("out").toFile())
            .start();
    boolean ended = child.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor();
    }
    String printed = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(ended).as("the process ended; stderr: %s", printed).isTrue();
    assertThat(child.exitValue()).as(printed).isEqualTo(4);
    assertThat(printed.lines())
        .as(printed)
        .singleElement()
        .asString()
        .startsWith("newsgraph: out of memory: the Java heap (at most ");
  }

  /** A process whose main thread waits on a non-daemon thread that dies of an OutOfMemoryError. */
  static final class StuckOnADeadThread {

    private StuckOnADeadThread() {}

    public static void main(String[] args) throws InterruptedException {
      OutOfMemory.exitOnUncaught();
      java.util.concurrent.SynchronousQueue<String> handOver =
          new java.util.concurrent.SynchronousQueue<>();
      Thread loader =
          new Thread(
              () -> {
                throw new OutOfMemoryError("Java heap space");
              },
              "loader");
      loader.start();
      handOver.take(); // never filled: the loader died
    }
  }
}
