package org.newsgraph.query;

import java.util.Locale;

/**
 * A parameter of a named query, declared in the query's header.
 *
 * @param name the variable it binds (without {@code ?})
 * @param type how the user's text becomes an RDF term
 * @param defaultValue the value used when none is given, or null
 * @param required whether a value must be given
 * @param description one line for {@code queries}
 */
public record QueryParam(
    String name, Type type, String defaultValue, boolean required, String description) {

  /** How a parameter's text becomes an RDF term. */
  public enum Type {
    /** An article, given by its IRI or by any of its URLs (web, original, AMP, AMP cache). */
    ARTICLE,
    /** Any absolute IRI. */
    IRI,
    /** A plain string literal. */
    STRING,
    /** An xsd:integer. */
    INTEGER,
    /** An xsd:date (YYYY-MM-DD). */
    DATE,
    /** An xsd:dateTime. */
    DATETIME,
    /** A topic, given by its IRI, its name or its taxonomy id. */
    TOPIC,
    /** A provider, given by its IRI or its domain. */
    PROVIDER;

    /** The type's name as written in query headers. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named in a header.
     *
     * @throws IllegalArgumentException listing the known types
     */
    public static Type of(String label) {
      for (Type type : values()) {
        if (type.label().equals(label)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown parameter type '" + label + "'; known types: "
          + java.util.Arrays.stream(values()).map(Type::label).toList());
    }
  }
}
