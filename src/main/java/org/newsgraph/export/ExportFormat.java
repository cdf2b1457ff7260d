package org.newsgraph.export;

import java.util.Arrays;
import java.util.Locale;
import org.apache.jena.riot.RDFFormat;

/** RDF syntaxes the store can be exported in, and whether each keeps graph names. */
public enum ExportFormat {
  /** Turtle of the union of all graphs, streamed in blocks. */
  TURTLE(RDFFormat.TURTLE_BLOCKS, false, true),
  /** TriG, one block per graph, streamed. */
  TRIG(RDFFormat.TRIG_BLOCKS, true, true),
  /** N-Triples of the union of all graphs, streamed. */
  NT(RDFFormat.NTRIPLES, false, true),
  /** N-Quads, streamed. */
  NQ(RDFFormat.NQUADS, true, true),
  /** JSON-LD 1.1 with named graphs; built in memory, so meant for a graph or a small store. */
  JSONLD(RDFFormat.JSONLD11, true, false);

  private final RDFFormat rdfFormat;
  private final boolean quads;
  private final boolean streaming;

  ExportFormat(RDFFormat rdfFormat, boolean quads, boolean streaming) {
    this.rdfFormat = rdfFormat;
    this.quads = quads;
    this.streaming = streaming;
  }

  /** The Jena writer format. */
  public RDFFormat rdfFormat() {
    return rdfFormat;
  }

  /** True when graph names are kept. */
  public boolean quads() {
    return quads;
  }

  /** True when the writer streams (memory independent of store size). */
  public boolean streaming() {
    return streaming;
  }

  /**
   * The format of a name: turtle (ttl), trig, nt, nq, jsonld.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static ExportFormat of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("ttl")) {
      return TURTLE;
    }
    try {
      return valueOf(lower.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown export format '" + name + "'; known: "
          + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
