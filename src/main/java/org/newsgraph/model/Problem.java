package org.newsgraph.model;

import java.util.Objects;

/**
 * Something wrong with an input file, positioned so that a person can find it. Problems are data:
 * readers and binders collect them instead of throwing, so that one bad record never stops a run.
 *
 * @param source the file as the user named it (relative paths stay relative)
 * @param position where the problem is, 1-based
 * @param severity whether the record is rejected ({@link Severity#ERROR}) or only reported
 * @param message what was found and what was expected
 */
public record Problem(String source, Position position, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity {
    /** Reported; the record is still stored. */
    WARNING,
    /** The record is rejected and nothing of it is stored. */
    ERROR;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates that no component is null. */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** An error at a position. */
  public static Problem error(String source, Position position, String message) {
    return new Problem(source, position, Severity.ERROR, message);
  }

  /** A warning at a position. */
  public static Problem warning(String source, Position position, String message) {
    return new Problem(source, position, Severity.WARNING, message);
  }

  /** True when the problem rejects its record. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The compiler-style line: {@code path:line:col: error: message}. */
  @Override
  public String toString() {
    return source + ":" + position + ": " + severity.label() + ": " + message;
  }
}
