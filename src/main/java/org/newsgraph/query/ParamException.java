package org.newsgraph.query;

import java.util.function.BiFunction;

/**
 * A named query's parameter is missing or its value is not one of its type. Carries the facts
 * (query, parameter, value, what was expected); {@link #message(BiFunction)} words them with the
 * caller's way of writing a parameter ({@code --param name=value} on the command line, {@code
 * ?name=value} over HTTP).
 */
public final class ParamException extends QueryException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the parameter. */
  public enum Problem {
    /** A required parameter was not given. */
    MISSING,
    /** The value is not a value of the parameter's type at all (not a number, not a date). */
    MALFORMED,
    /** The value has the right form but is not allowed (not a choice, not positive, bad IRI). */
    INVALID
  }

  private final transient NamedQuery query;
  private final transient QueryParam param;
  private final Problem problem;
  private final String value;
  private final String expected;

  /**
   * A parameter failure.
   *
   * @param query the query
   * @param param the parameter
   * @param problem what is wrong
   * @param value the value as given, or null when missing
   * @param expected what was expected: the type's label ({@link Problem#MALFORMED}), the
   *     parameter's description ({@link Problem#MISSING}), or what the value must be
   */
  public ParamException(
      NamedQuery query, QueryParam param, Problem problem, String value, String expected) {
    super(
        sentence(
            query,
            param,
            problem,
            value,
            expected,
            (name, given) -> "parameter " + name + "=" + given));
    this.query = query;
    this.param = param;
    this.problem = problem;
    this.value = value;
    this.expected = expected;
  }

  /** The query whose parameter it is. */
  public NamedQuery query() {
    return query;
  }

  /** The parameter. */
  public QueryParam param() {
    return param;
  }

  /** What is wrong. */
  public Problem problem() {
    return problem;
  }

  /** The value as given, or null when the parameter is missing. */
  public String value() {
    return value;
  }

  /** What was expected (see the constructor). */
  public String expected() {
    return expected;
  }

  /**
   * The failure as a sentence, with parameters written the caller's way.
   *
   * @param spell how the user writes a parameter with a value, given name and value ({@code ...}
   *     for a missing one)
   */
  public String message(BiFunction<String, String, String> spell) {
    return sentence(query, param, problem, value, expected, spell);
  }

  private static String sentence(
      NamedQuery query,
      QueryParam param,
      Problem problem,
      String value,
      String expected,
      BiFunction<String, String, String> spell) {
    return switch (problem) {
      case MISSING ->
          "query '"
              + query.name()
              + "' needs "
              + spell.apply(param.name(), "...")
              + " ("
              + param.type().label()
              + "): "
              + expected;
      case MALFORMED -> spell.apply(param.name(), value) + " is not a valid " + expected;
      case INVALID -> spell.apply(param.name(), value) + ": " + expected;
    };
  }
}
