package org.newsgraph.source;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes HTML character references in scraped text exactly once: {@code &amp;amp;} becomes {@code
 * &amp;}, never {@code &}. Numeric references and the named references seen in news text are
 * decoded; an unknown name or a malformed reference is kept as written. Stateless and thread-safe.
 */
final class HtmlText {

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00A0"),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("hellip", "\u2026"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("laquo", "\u00AB"),
          Map.entry("raquo", "\u00BB"),
          Map.entry("copy", "\u00A9"),
          Map.entry("reg", "\u00AE"),
          Map.entry("trade", "\u2122"),
          Map.entry("euro", "\u20AC"),
          Map.entry("pound", "\u00A3"),
          Map.entry("yen", "\u00A5"),
          Map.entry("cent", "\u00A2"),
          Map.entry("deg", "\u00B0"),
          Map.entry("middot", "\u00B7"),
          Map.entry("bull", "\u2022"),
          Map.entry("times", "\u00D7"),
          Map.entry("eacute", "\u00E9"),
          Map.entry("egrave", "\u00E8"),
          Map.entry("aacute", "\u00E1"),
          Map.entry("agrave", "\u00E0"),
          Map.entry("uuml", "\u00FC"),
          Map.entry("ouml", "\u00F6"),
          Map.entry("auml", "\u00E4"),
          Map.entry("ccedil", "\u00E7"),
          Map.entry("ntilde", "\u00F1"),
          Map.entry("szlig", "\u00DF"),
          Map.entry("iacute", "\u00ED"),
          Map.entry("oacute", "\u00F3"),
          Map.entry("uacute", "\u00FA"),
          Map.entry("shy", "\u00AD"));

  private static final Pattern DROPPED =
      Pattern.compile("(?is)<!--.*?-->|<(script|style|template|noscript)\\b[^>]*>.*?</\\1\\s*>");
  private static final Pattern BREAK =
      Pattern.compile(
          "(?i)<(br|/?p|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?blockquote|/?tr|/?table|/?figure|/?section|/?article|hr)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)</?[a-zA-Z][^>]*>|<![^>]*>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile(" ?\\n[ \\n]*");

  private HtmlText() {}

  /**
   * An HTML fragment (a feed's description or content) as plain text: comments, scripts and styles
   * removed, block elements and {@code <br>} as line breaks, every other tag removed, character
   * references decoded once, runs of spaces as one space and runs of blank lines as one line break,
   * trimmed. Text without markup comes back with its references decoded and its spaces tidied.
   *
   * @return the text, or null when nothing but markup and white space is left (or {@code html} is
   *     null)
   */
  static String plain(String html) {
    if (html == null) {
      return null;
    }
    if (isTidy(html)) {
      String text = html.strip();
      return text.isEmpty() ? null : text;
    }
    if (html.length() > REMEMBERED_CHARS) {
      return convert(html);
    }
    Map<String, String> recent = RECENT.get();
    String known = recent.get(html);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String text = convert(html);
    recent.put(html, text == null ? "" : text);
    return text;
  }

  /**
   * True when {@link #convert} could change nothing but the ends of {@code text}: no markup, no
   * reference, no white space but single spaces. Most titles, names and categories are so.
   */
  private static boolean isTidy(String text) {
    char previous = 'x';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<'
          || c == '&'
          || c == '\n'
          || c == '\t'
          || c == '\r'
          || c == '\f'
          || c == '\u000B'
          || c == '\u00A0'
          || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * The longest fragment remembered: descriptions are; full bodies (up to the reader's cap) are
   * converted each time, so that the memory kept stays under a few megabytes a thread.
   */
  private static final int REMEMBERED_CHARS = 4096;

  /**
   * The texts last converted on this thread: a feed folder repeats each item's description in every
   * snapshot that holds it, so the same fragments come back again and again.
   */
  private static final ThreadLocal<Map<String, String>> RECENT =
      ThreadLocal.withInitial(
          () ->
              new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                  return size() > 512;
                }
              });

  /** {@link #plain} without its shortcuts (package-private for the test that compares them). */
  static String convert(String html) {
    String text = DROPPED.matcher(html).replaceAll(" ");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    text = SPACES.matcher(text).replaceAll(" ");
    text = BLANK_LINES.matcher(text).replaceAll("\n").strip();
    return text.isEmpty() ? null : text;
  }

  /** The text with every recognised character reference replaced by its character. */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (amp >= 0) {
      int semi = text.indexOf(';', amp);
      String replacement =
          semi < 0 || semi - amp > 12 ? null : reference(text.substring(amp + 1, semi));
      if (replacement == null) {
        out.append(text, from, amp + 1);
        from = amp + 1;
      } else {
        out.append(text, from, amp).append(replacement);
        from = semi + 1;
      }
      amp = text.indexOf('&', from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static String reference(String name) {
    if (name.startsWith("#")) {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      String digits = name.substring(hex ? 2 : 1);
      if (digits.isEmpty()
          || digits.length() > 7
          || !digits
              .chars()
              .allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
        return null;
      }
      int cp = Integer.parseInt(digits, hex ? 16 : 10);
      return Character.isValidCodePoint(cp) && cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)
          ? new String(Character.toChars(cp))
          : null;
    }
    return NAMED.get(name);
  }
}
