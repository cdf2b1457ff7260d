package org.newsgraph.validate;

/**
 * The counts of one validation run.
 *
 * @param graphs record graphs checked
 * @param violations results of severity violation
 * @param others results of severity warning or info
 */
public record ValidationSummary(long graphs, long violations, long others) {

  /** True when no result is a violation. */
  public boolean conforms() {
    return violations == 0;
  }

  /** One line for stderr. */
  public String summary() {
    return "validate: "
        + graphs
        + " graphs checked, "
        + violations
        + " violations"
        + (others > 0 ? ", " + others + " warnings" : "");
  }
}
