package org.newsgraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * A SPARQL query of the catalog, parsed once, with the name, description and parameters declared in
 * its header comments:
 *
 * <pre>
 * # name: coverage
 * # description: Articles linked to an article by related links, in either direction.
 * # param: article article required The article, by IRI or any of its URLs.
 * # param: hops integer default=2 How many links to follow.
 * # param: granularity choice(day|week|month) default=month Size of the time buckets.
 * # param: limit limit default=100 At most this many rows.
 * </pre>
 *
 * @param name the query's name
 * @param description one line saying what it answers
 * @param params its parameters in header order
 * @param query the parsed query; treat as read-only
 * @param text the query text
 * @param datatypes for a form of the query that an engine cannot give a value's datatype in (see
 *     {@link #form}): the result variables whose values are given as text, by name, and the
 *     datatype IRI each one's value has; empty for the catalog's own queries
 */
public record NamedQuery(
    String name,
    String description,
    List<QueryParam> params,
    Query query,
    String text,
    Map<String, String> datatypes) {

  private static final Pattern HEADER = Pattern.compile("^#\\s*(name|description|param):\\s*(.*)$");
  private static final Pattern DATATYPE =
      Pattern.compile("^#\\s*datatype:\\s*(\\w+)\\s+(\\S+)\\s*$");
  private static final Pattern PARAM =
      Pattern.compile(
          "^(\\w+)\\s+(\\w+|choice\\([\\w|-]+\\))\\s+(required|optional|default=(\\S+))\\s+(.+)$");

  /** Copies the parameter list and the datatypes. */
  public NamedQuery {
    params = List.copyOf(params);
    datatypes = Map.copyOf(datatypes);
  }

  /** A catalog query: its values come with their own datatypes. */
  public NamedQuery(
      String name, String description, List<QueryParam> params, Query query, String text) {
    this(name, description, params, query, text, Map.of());
  }

  /**
   * Parses a catalog entry.
   *
   * @param resource where the text came from, for messages
   * @param text the {@code .rq} text
   * @return the named query
   * @throws IllegalArgumentException naming the resource and line when the header or the SPARQL is
   *     malformed
   */
  public static NamedQuery parse(String resource, String text) {
    String name = null;
    String description = null;
    List<QueryParam> params = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = HEADER.matcher(lines[i].strip());
      if (!m.matches()) {
        continue;
      }
      String value = m.group(2).strip();
      switch (m.group(1)) {
        case "name" -> name = value;
        case "description" -> description = value;
        default -> params.add(parseParam(resource, i + 1, value));
      }
    }
    if (name == null || description == null) {
      throw new IllegalArgumentException(
          resource + ": header needs '# name:' and '# description:'");
    }
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(
          resource + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
    }
    return new NamedQuery(name, description, params, query, text);
  }

  /**
   * Parses another form of a catalog query, sent to an engine that answers the catalog's own form
   * wrongly: the same name, description and parameters, other SPARQL. Its header comments may say,
   * one line a variable, {@code # datatype: VAR IRI}: the engine gives that variable's value as
   * text, which is to be read as a literal of that datatype.
   *
   * @param of the catalog's query
   * @param resource where the text came from, for messages
   * @param text the {@code .rq} text
   * @throws IllegalArgumentException naming the resource and line when the SPARQL or a datatype
   *     line is malformed, or the form leaves out a parameter the query has
   */
  public static NamedQuery form(NamedQuery of, String resource, String text) {
    Map<String, String> datatypes = new java.util.LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.matches("^#\\s*datatype:.*")) {
        Matcher m = DATATYPE.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException(
              resource + ":" + (i + 1) + ": expected '# datatype: VARIABLE DATATYPE-IRI'");
        }
        datatypes.put(m.group(1), m.group(2));
      }
    }
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(
          resource + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
    }
    for (QueryParam param : of.params()) {
      if (param.type() != QueryParam.Type.LIMIT
          && !query.getQueryPattern().toString().contains("?" + param.name())) {
        throw new IllegalArgumentException(
            resource + ": the form of '" + of.name() + "' does not use ?" + param.name());
      }
    }
    for (String variable : datatypes.keySet()) {
      if (!query.getResultVars().contains(variable)) {
        throw new IllegalArgumentException(
            resource + ": datatype for ?" + variable + ", which the query does not select");
      }
    }
    return new NamedQuery(of.name(), of.description(), of.params(), query, text, datatypes);
  }

  /** The parameter of a name, or null. */
  public QueryParam param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
  }

  private static QueryParam parseParam(String resource, int line, String value) {
    Matcher m = PARAM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          resource
              + ":"
              + line
              + ": expected '# param: NAME TYPE required|optional|default=VALUE DESCRIPTION'");
    }
    try {
      String typeText = m.group(2);
      boolean required = m.group(3).equals("required");
      if (typeText.startsWith("choice(")) {
        List<String> choices = List.of(typeText.substring(7, typeText.length() - 1).split("\\|"));
        if (m.group(4) != null && !choices.contains(m.group(4))) {
          throw new IllegalArgumentException(
              "default '" + m.group(4) + "' is not one of " + choices);
        }
        return new QueryParam(
            m.group(1), QueryParam.Type.CHOICE, m.group(4), required, m.group(5), choices);
      }
      QueryParam.Type type = QueryParam.Type.of(typeText);
      if (type == QueryParam.Type.CHOICE) {
        throw new IllegalArgumentException("a choice lists its words: choice(a|b|c)");
      }
      return new QueryParam(m.group(1), type, m.group(4), required, m.group(5));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(resource + ":" + line + ": " + e.getMessage(), e);
    }
  }
}
