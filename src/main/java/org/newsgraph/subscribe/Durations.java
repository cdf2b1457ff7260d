package org.newsgraph.subscribe;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.model.InvalidValueException;

/**
 * Durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 15m}, {@code
 * 1h}.
 */
public final class Durations {

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a whole number followed by a unit: {@code ms}, {@code s}, {@code m}, {@code h} or {@code
   * d}.
   *
   * @param what what the duration is for (an option's name), for the message
   * @param text the text
   * @throws InvalidValueException when the text is not of that form
   */
  public static Duration parse(String what, String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidValueException(
          what, text, "a duration like 30s, 15m or 1h (units ms, s, m, h, d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * A duration in the same form, in its largest whole unit: {@code 15m}, {@code 90s}, {@code
   * 250ms}.
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
