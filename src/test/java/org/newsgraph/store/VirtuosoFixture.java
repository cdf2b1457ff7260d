package org.newsgraph.store;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Virtuoso 7 ({@code virtuoso-t}, Debian's virtuoso-opensource-7-bin) in the foreground,
 * with its own ini and database in a scratch folder and free loopback ports; SPARQL update and the
 * Graph Store CRUD endpoint opened to the anonymous user, as a writable store must be. Public for
 * the remote-ingest benchmark.
 */
public final class VirtuosoFixture implements AutoCloseable {

  /** The server program, found on the PATH. */
  static final String SERVER = "virtuoso-t";

  private final Process process;
  private final int sqlPort;
  private final int httpPort;
  private final Path log;

  /** Whether the server program is installed. */
  public static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, SERVER))) {
        return true;
      }
    }
    return false;
  }

  /** Starts a server with its database in {@code dir}; waits until it answers. */
  public VirtuosoFixture(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    sqlPort = freePort();
    httpPort = freePort();
    log = dir.resolve("virtuoso-t.out");
    Files.writeString(dir.resolve("virtuoso.ini"), ini(), StandardCharsets.UTF_8);
    process =
        new ProcessBuilder(SERVER, "+foreground", "+configfile", "virtuoso.ini")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      waitForHttp();
      isql("grant SPARQL_UPDATE to \"SPARQL\";");
      isql("DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);");
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The store options for {@code newsgraph}: Virtuoso's service URLs. */
  public String[] storeOptions() {
    String base = "http://127.0.0.1:" + httpPort;
    return new String[] {
      "--endpoint", base,
      "--endpoint-query", base + "/sparql",
      "--endpoint-update", base + "/sparql",
      "--endpoint-gsp", base + "/sparql-graph-crud"
    };
  }

  private String ini() {
    return String.join(
        "\n",
        "[Database]",
        "DatabaseFile = virtuoso.db",
        "ErrorLogFile = virtuoso.log",
        "LockFile = virtuoso.lck",
        "TransactionFile = virtuoso.trx",
        "xa_persistent_file = virtuoso.pxa",
        "ErrorLogLevel = 7",
        "FileExtend = 200",
        "MaxCheckpointRemap = 2000",
        "Striping = 0",
        "TempStorage = TempDatabase",
        "",
        "[TempDatabase]",
        "DatabaseFile = virtuoso-temp.db",
        "TransactionFile = virtuoso-temp.trx",
        "MaxCheckpointRemap = 2000",
        "Striping = 0",
        "",
        "[Parameters]",
        "ServerPort = 127.0.0.1:" + sqlPort,
        "ServerThreads = 10",
        "CheckpointInterval = 60",
        "NumberOfBuffers = 10000",
        "MaxDirtyBuffers = 6000",
        "DirsAllowed = .",
        "",
        "[HTTPServer]",
        "ServerPort = 127.0.0.1:" + httpPort,
        "ServerRoot = .",
        "ServerThreads = 5",
        "EnabledDavVSP = 0",
        "",
        "[SPARQL]",
        "ResultSetMaxRows = 1000000",
        "MaxQueryExecutionTime = 120",
        "");
  }

  private void waitForHttp() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(SERVER + " stopped: " + tail());
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + httpPort + "/sparql?query=ASK%7B%7D")
                    .toURL()
                    .openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IOException(SERVER + " did not answer on port " + httpPort + ": " + tail());
  }

  private void isql(String statement) throws IOException, InterruptedException {
    Process isql =
        new ProcessBuilder(
                List.of("isql-vt", String.valueOf(sqlPort), "dba", "dba", "exec=" + statement))
            .redirectErrorStream(true)
            .start();
    String out = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0 || out.contains("Error")) {
      throw new IOException("isql-vt " + statement + ": " + out);
    }
  }

  private String tail() throws IOException {
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
