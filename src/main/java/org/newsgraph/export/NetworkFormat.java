package org.newsgraph.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats of the network exports, for tools such as Gephi and networkx. */
public enum NetworkFormat {
  /** GraphML: one XML document, keys declared with their types. */
  GRAPHML,
  /** GEXF 1.3, Gephi's own format: one XML document. */
  GEXF,
  /** Two CSV files, {@code nodes.csv} and {@code edges.csv}, in a folder (Gephi's spreadsheets). */
  CSV;

  /** The name users give, such as {@code graphml}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The names of every format, for messages. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(NetworkFormat::label).toList();
  }

  /** The format of a name, case-insensitive, if there is one. */
  public static Optional<NetworkFormat> find(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.label().equals(lower)).findFirst();
  }
}
