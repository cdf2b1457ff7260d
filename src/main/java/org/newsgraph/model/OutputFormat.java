package org.newsgraph.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The one table of the syntaxes newsgraph writes, by the names users give them: query results
 * ({@code query}, {@code stats}, the HTTP {@code format} parameter) and exports. A name (or alias,
 * such as {@code ttl}) means the same syntax everywhere; each use takes the formats that can carry
 * what it writes.
 */
public enum OutputFormat {
  /** An aligned text table with prefixed names (SELECT, ASK); Turtle for CONSTRUCT. */
  TEXT(List.of(), null, Lang.TURTLE, null, false, false),
  CSV(List.of(), ResultSetLang.RS_CSV, null, null, false, false),
  TSV(List.of(), ResultSetLang.RS_TSV, null, null, false, false),
  /** SPARQL JSON results for tables; JSON-LD for graphs. */
  JSON(List.of(), ResultSetLang.RS_JSON, Lang.JSONLD, null, false, false),
  /** SPARQL XML results for tables; RDF/XML for graphs. */
  XML(List.of(), ResultSetLang.RS_XML, Lang.RDFXML, null, false, false),
  /** Turtle; an export merges all graphs and streams in blocks. */
  TURTLE(List.of("ttl"), null, Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, false, true),
  /** TriG, exports only: one block per graph, streamed. */
  TRIG(List.of(), null, null, RDFFormat.TRIG_BLOCKS, true, true),
  /** N-Triples; an export merges all graphs and streams. */
  NT(List.of(), null, Lang.NTRIPLES, RDFFormat.NTRIPLES, false, true),
  /** N-Quads, exports only, streamed. */
  NQ(List.of(), null, null, RDFFormat.NQUADS, true, true),
  /** JSON-LD 1.1; an export keeps graph names and is built in memory. */
  JSONLD(List.of(), null, Lang.JSONLD, RDFFormat.JSONLD11, true, false),
  /** RDF/XML; an export merges all graphs and is built in memory. */
  RDFXML(List.of(), null, Lang.RDFXML, RDFFormat.RDFXML_PLAIN, false, false);

  private final List<String> aliases;
  private final Lang resultLang;
  private final Lang rdfLang;
  private final RDFFormat exportFormat;
  private final boolean quads;
  private final boolean streaming;

  OutputFormat(
      List<String> aliases,
      Lang resultLang,
      Lang rdfLang,
      RDFFormat exportFormat,
      boolean quads,
      boolean streaming) {
    this.aliases = aliases;
    this.resultLang = resultLang;
    this.rdfLang = rdfLang;
    this.exportFormat = exportFormat;
    this.quads = quads;
    this.streaming = streaming;
  }

  /** The name users give, such as {@code turtle}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SPARQL results syntax, or null for text or an RDF-only format. */
  public Lang resultLang() {
    return resultLang;
  }

  /** The RDF syntax used for CONSTRUCT and DESCRIBE, or null when the format is not for graphs. */
  public Lang rdfLang() {
    return rdfLang;
  }

  /** The Jena writer format of an export, or null when the format cannot export a store. */
  public RDFFormat rdfFormat() {
    return exportFormat;
  }

  /** True when an export keeps graph names. */
  public boolean quads() {
    return quads;
  }

  /** True when an export streams (memory independent of store size). */
  public boolean streaming() {
    return streaming;
  }

  /** True when query results can be written in this format (tables, graphs or both). */
  public boolean forQueries() {
    return this == TEXT || resultLang != null || rdfLang != null;
  }

  /** True when a store can be exported in this format. */
  public boolean forExports() {
    return exportFormat != null;
  }

  /** The format of a name or alias, case-insensitive, if there is one. */
  public static Optional<OutputFormat> find(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.label().equals(lower) || f.aliases.contains(lower))
        .findFirst();
  }

  /**
   * The format of a name for query results ({@code csv}, {@code turtle}, ...).
   *
   * @throws UsageException listing the known names
   */
  public static OutputFormat forQuery(String name) {
    return of(name, OutputFormat::forQueries, "unknown format '");
  }

  /**
   * The format of a name for an export: turtle (ttl), trig, nt, nq, jsonld, rdfxml.
   *
   * @throws UsageException listing the known names
   */
  public static OutputFormat forExport(String name) {
    return of(name, OutputFormat::forExports, "unknown export format '");
  }

  private static OutputFormat of(String name, Predicate<OutputFormat> usable, String unknown) {
    return find(name)
        .filter(usable)
        .orElseThrow(
            () ->
                new UsageException(
                    unknown
                        + name
                        + "'; known: "
                        + Arrays.stream(values())
                            .filter(usable)
                            .map(OutputFormat::label)
                            .toList()));
  }
}
