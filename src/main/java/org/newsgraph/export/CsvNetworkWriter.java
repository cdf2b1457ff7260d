package org.newsgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsgraph.export.Network.Attribute;

/**
 * Writes a {@link Network} as two CSV files in a folder, the node table and the edge table of
 * Gephi's spreadsheet import: {@code nodes.csv} with the columns {@code Id}, {@code Label} and one
 * per node attribute, and {@code edges.csv} with {@code Source}, {@code Target}, {@code Type}
 * ({@code Directed}), {@code Weight} and one per edge attribute. RFC 4180: UTF-8, a header row,
 * lines ending in CRLF, a field holding a comma, a double quote or a line break quoted, quotes
 * doubled. Each file is written atomically, nodes first.
 */
public final class CsvNetworkWriter {

  /** The node table's file name. */
  public static final String NODES = "nodes.csv";

  /** The edge table's file name. */
  public static final String EDGES = "edges.csv";

  private CsvNetworkWriter() {}

  /**
   * Writes {@code nodes.csv} and {@code edges.csv} into a folder, creating it when missing.
   *
   * @return how many nodes and edges were written
   * @throws IOException when a file cannot be written; the old file, if any, is untouched
   * @throws org.newsgraph.store.StoreException when the store cannot be read
   */
  public static Network.Written write(Network network, Path folder) throws IOException {
    Files.createDirectories(folder);
    long[] counts = new long[2];
    AtomicFile.write(
        folder.resolve(NODES),
        out -> {
          Writer csv = writer(out);
          List<String> header = new ArrayList<>(List.of("Id", "Label"));
          network.nodeAttributes().stream().map(Attribute::column).forEach(header::add);
          row(csv, header);
          List<String> row = new ArrayList<>();
          run(
              () ->
                  counts[0] =
                      network.nodes(
                          (id, label, values) -> {
                            row.clear();
                            row.add(id);
                            row.add(label);
                            row.addAll(values);
                            row(csv, row);
                          }));
          csv.flush();
        });
    AtomicFile.write(
        folder.resolve(EDGES),
        out -> {
          Writer csv = writer(out);
          List<String> header = new ArrayList<>(List.of("Source", "Target", "Type", "Weight"));
          network.edgeAttributes().stream().map(Attribute::column).forEach(header::add);
          row(csv, header);
          List<String> row = new ArrayList<>();
          run(
              () ->
                  counts[1] =
                      network.edges(
                          (source, target, weight, values) -> {
                            row.clear();
                            row.add(source);
                            row.add(target);
                            row.add("Directed");
                            row.add(Long.toString(weight));
                            row.addAll(values);
                            row(csv, row);
                          }));
          csv.flush();
        });
    return new Network.Written(counts[0], counts[1]);
  }

  private static Writer writer(java.io.OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void run(Runnable stream) throws IOException {
    try {
      stream.run();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void row(Writer csv, List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          csv.write(',');
        }
        csv.write(field(fields.get(i)));
      }
      csv.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One field: empty for null, quoted when it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
