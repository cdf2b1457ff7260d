package org.newsgraph.query;

import java.util.List;
import java.util.Locale;

/**
 * A parameter of a named query, declared in the query's header.
 *
 * @param name the variable it binds (without {@code ?})
 * @param type how the user's text becomes an RDF term
 * @param defaultValue the value used when none is given, or null
 * @param required whether a value must be given
 * @param description one line for {@code queries}
 * @param choices the allowed values of a {@link Type#CHOICE} parameter, empty for other types
 */
public record QueryParam(
    String name,
    Type type,
    String defaultValue,
    boolean required,
    String description,
    List<String> choices) {

  /** Copies the choices. */
  public QueryParam {
    choices = List.copyOf(choices);
  }

  /** A parameter of a type without choices. */
  public QueryParam(
      String name, Type type, String defaultValue, boolean required, String description) {
    this(name, type, defaultValue, required, description, List.of());
  }

  /** The type as written in a header: {@code choice(day|week|month)} for a choice. */
  public String typeLabel() {
    return type == Type.CHOICE ? "choice(" + String.join("|", choices) + ")" : type.label();
  }

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
    PROVIDER,
    /** One of a fixed set of words, written {@code choice(a|b|c)}; bound as a plain string. */
    CHOICE,
    /** A row limit (a positive integer): caps the rows the query returns; bound to no variable. */
    LIMIT;

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
      throw new IllegalArgumentException(
          "unknown parameter type '"
              + label
              + "'; known types: "
              + java.util.Arrays.stream(values()).map(Type::label).toList());
    }
  }
}
