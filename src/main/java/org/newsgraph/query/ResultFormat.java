package org.newsgraph.query;

import java.util.Arrays;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The formats query results can be written in: tables for SELECT and ASK, RDF for CONSTRUCT. */
public enum ResultFormat {
  /** An aligned text table with prefixed names (SELECT); Turtle for CONSTRUCT. */
  TEXT(null, Lang.TURTLE),
  CSV(ResultSetLang.RS_CSV, null),
  TSV(ResultSetLang.RS_TSV, null),
  JSON(ResultSetLang.RS_JSON, Lang.JSONLD),
  XML(ResultSetLang.RS_XML, Lang.RDFXML),
  TURTLE(null, Lang.TURTLE),
  NT(null, Lang.NTRIPLES),
  JSONLD(null, Lang.JSONLD),
  RDFXML(null, Lang.RDFXML);

  private final Lang resultLang;
  private final Lang rdfLang;

  ResultFormat(Lang resultLang, Lang rdfLang) {
    this.resultLang = resultLang;
    this.rdfLang = rdfLang;
  }

  /** The SPARQL results syntax, or null for text or an RDF-only format. */
  public Lang resultLang() {
    return resultLang;
  }

  /** The RDF syntax used for CONSTRUCT and DESCRIBE, or null when the format is for tables only. */
  public Lang rdfLang() {
    return rdfLang;
  }

  /**
   * The format of a name ({@code csv}, {@code turtle}, ...).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static ResultFormat of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; known: "
          + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

}
