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
 * @param unknownKey for an unknown-key warning, the key qualified by where it was found ({@code
 *     provider.foo}), so that a run can report each unknown key once; null for other problems
 */
public record Problem(
    String source, Position position, Severity severity, String message, String unknownKey) {

  /** How bad a problem is. */
  public enum Severity {
    /** Information shown on request ({@code --verbose}): nothing is wrong. */
    NOTE,
    /** Reported; the record is still stored. */
    WARNING,
    /** The record is rejected and nothing of it is stored. */
    ERROR;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates that no component but {@code unknownKey} is null. */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** A problem that is not about an unknown key. */
  public Problem(String source, Position position, Severity severity, String message) {
    this(source, position, severity, message, null);
  }

  /** An error at a position. */
  public static Problem error(String source, Position position, String message) {
    return new Problem(source, position, Severity.ERROR, message);
  }

  /** A warning at a position. */
  public static Problem warning(String source, Position position, String message) {
    return new Problem(source, position, Severity.WARNING, message);
  }

  /** A note at a position: information, shown only when asked for. */
  public static Problem note(String source, Position position, String message) {
    return new Problem(source, position, Severity.NOTE, message);
  }

  /**
   * The warning for a key no mapping rule reads.
   *
   * @param source the file
   * @param position where the key is
   * @param where what the mapping is ("article", "provider", "related article"...)
   * @param key the key as written
   */
  public static Problem unknownKey(String source, Position position, String where, String key) {
    return new Problem(
        source,
        position,
        Severity.WARNING,
        "unknown key '" + key + "' in " + where + " (not mapped)",
        where + "." + key);
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
