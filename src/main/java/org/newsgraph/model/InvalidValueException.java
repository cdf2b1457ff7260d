package org.newsgraph.model;

/**
 * A value the user gave is not of the kind expected. Carries the facts, so that the layer that
 * knows how the user gave the value (an option, an HTTP parameter) can say so in the user's words;
 * the message itself names the value by what it is for.
 */
public class InvalidValueException extends UsageException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final String value;
  private final String expected;

  /**
   * A value that is not what was expected.
   *
   * @param what what the value is for, such as {@code "the dataset URL"}
   * @param value the value as given
   * @param expected what it must be, such as {@code "an http:// or https:// URL"}
   */
  public InvalidValueException(String what, String value, String expected) {
    super(what + " must be " + expected + ": " + value);
    this.what = what;
    this.value = value;
    this.expected = expected;
  }

  /** What the value is for. */
  public String what() {
    return what;
  }

  /** The value as given. */
  public String value() {
    return value;
  }

  /** What the value must be. */
  public String expected() {
    return expected;
  }
}
