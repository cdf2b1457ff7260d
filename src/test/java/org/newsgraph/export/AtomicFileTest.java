package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void replacesTheWholeFileOrNothing() throws IOException {
    Path file = dir.resolve("out.nt");
    Files.writeString(file, "old\n");
    AtomicFile.write(file, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(file)).isEqualTo("new\n");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(entries()).containsExactly("out.nt");
  }

  @Test
  void gzipsByName() throws IOException {
    Path file = dir.resolve("out.nq.gz");
    AtomicFile.write(file, out -> out.write("x\n".getBytes(StandardCharsets.UTF_8)));
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x\n");
    }
  }

  /**
   * A process stopped by SIGTERM in the middle of a write (an export stopped with Ctrl-C or by a
   * job scheduler) leaves the old file as it was and no temporary file beside it.
   */
  @Test
  void aSignalLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("edges.csv");
    Files.writeString(file, "old\n");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                SlowWriter.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("writing");
      assertThat(entries()).as("the write under way").hasSize(2);
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).isEqualTo(143);
    assertThat(entries()).containsExactly("edges.csv");
    assertThat(Files.readString(file)).isEqualTo("old\n");
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Starts a write, says so on standard output, and never finishes it. */
  public static final class SlowWriter {
    private SlowWriter() {}

    public static void main(String[] args) throws IOException {
      AtomicFile.write(
          Path.of(args[0]),
          out -> {
            out.write("partial,row\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
              Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }
}
