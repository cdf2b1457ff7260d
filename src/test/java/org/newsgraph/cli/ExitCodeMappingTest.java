package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.StoreException;
import picocli.CommandLine;

/** Exit codes follow newsgraph's own exception types, not the JDK's. */
class ExitCodeMappingTest {

  private final StringWriter err = new StringWriter();
  private final CommandLine cli =
      Main.commandLine(
          new Console(
              new ByteArrayInputStream(new byte[0]),
              new ByteArrayOutputStream(),
              new PrintWriter(err, true)));

  private int exitFor(Exception e) throws Exception {
    return cli.getExecutionExceptionHandler().handleExecutionException(e, cli, null);
  }

  @Test
  void usageAndStoreFailuresHaveTheirCodes() throws Exception {
    assertThat(exitFor(new UsageException("no such thing"))).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).isEqualTo("newsgraph: error: no such thing\n");
    assertThat(exitFor(new StoreException("locked"))).isEqualTo(ExitCodes.STORE);
  }

  @Test
  void aFaultWritingAMemoryMappedFileIsAStoreFailure() throws Exception {
    // What the JVM throws when a page of a memory-mapped TDB2 file cannot be written (a full
    // disk), here as the cause of a worker's failure.
    InternalError fault =
        new InternalError(
            "a fault occurred in a recent unsafe memory access operation in compiled Java code");
    assertThat(exitFor(new RuntimeException("worker failed", fault))).isEqualTo(ExitCodes.STORE);
    assertThat(err.toString())
        .startsWith("newsgraph: store unavailable: a write to the store's memory-mapped files")
        .contains("disk full")
        .doesNotContain("\tat ");
    assertThat(MappedFileFault.in(new InternalError("something else"))).isFalse();
  }

  @Test
  void theCacheLibraryDoesNotLogTheFaultThatTheCommandReportsButLogsEverythingElse() {
    // Caffeine (TDB2's node caches) logs a maintenance task that failed on a pool thread; a full
    // disk can fault there first, and its stack trace would precede the command's one line.
    java.util.List<java.util.logging.LogRecord> published = new java.util.ArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            published.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger("com.github.benmanes.caffeine.cache.BoundedLocalCache");
    log.addHandler(handler);
    log.setUseParentHandlers(false);
    try {
      Main.run(
          new String[] {"--version"},
          new Console(
              new ByteArrayInputStream(new byte[0]),
              new ByteArrayOutputStream(),
              new PrintWriter(err)));
      log.log(
          java.util.logging.Level.WARNING,
          "Exception thrown when submitting maintenance task",
          new InternalError("a fault occurred in a recent unsafe memory access operation"));
      log.log(
          java.util.logging.Level.WARNING,
          "Exception thrown when submitting maintenance task",
          new IllegalStateException("a defect"));
      assertThat(published).extracting(r -> r.getThrown().getMessage()).containsExactly("a defect");
    } finally {
      log.removeHandler(handler);
      log.setUseParentHandlers(true);
    }
  }

  @Test
  void anyOtherExceptionIsADefectReportedWithItsStackTrace() throws Exception {
    assertThat(exitFor(new IllegalArgumentException("a bug"))).isEqualTo(ExitCodes.INTERNAL);
    assertThat(exitFor(new IllegalStateException("another"))).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString())
        .contains("newsgraph: internal error: java.lang.IllegalArgumentException: a bug")
        .contains("at org.newsgraph.cli.ExitCodeMappingTest");
  }

  @Test
  void anIllegalArgumentFromAnyPackageIsADefectToo() throws Exception {
    IllegalArgumentException thrown =
        new IllegalArgumentException("base IRI must end with '/' or '#': x");
    thrown.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("org.newsgraph.vocab.IriFactory", "of", "IriFactory.java", 41)
        });
    assertThat(exitFor(thrown)).isEqualTo(ExitCodes.INTERNAL);
  }

  @Test
  void aBadBaseIriIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    Cli.Result run =
        Cli.run("ingest", "--base", "not an iri", "--db", tmp.resolve("db").toString(), "seeds");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("newsgraph: error: ").contains("base IRI");
  }
}
