package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlText#plain}: its shortcuts (text without markup, fragments seen before) change
 * nothing.
 */
class HtmlTextTest {

  private static final String[] PIECES = {
    "a",
    "b",
    "Zürich",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00A0",
    "<p>",
    "</p>",
    "<br/>",
    "&amp;",
    "&amp;amp;",
    "&lt;",
    "&#233;",
    "&bogus;",
    "<!-- c -->",
    "<script>x</script>",
    "<b>",
    "\u2003",
    ""
  };

  @Test
  void theShortcutsGiveWhatTheConversionGives() {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = r.nextInt(12);
      for (int i = 0; i < length; i++) {
        s.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String html = s.toString();
      String expected = HtmlText.convert(html);
      assertEquals(expected, HtmlText.plain(html), "first: [" + html + "]");
      assertEquals(expected, HtmlText.plain(new String(html)), "again: [" + html + "]");
    }
  }

  @Test
  void examples() {
    assertEquals("Storm closes roads", HtmlText.plain("  Storm closes roads "));
    assertEquals("Fish & chips", HtmlText.plain("Fish &amp; chips"));
    assertEquals("One\nTwo", HtmlText.plain("<p>One</p><p>Two</p>"));
    assertEquals("One\nTwo", HtmlText.plain("<p>One</p><p>Two</p>"));
    assertNull(HtmlText.plain("<p> </p>"));
    assertNull(HtmlText.plain("<p> </p>"));
    assertNull(HtmlText.plain("   "));
    String body = "<p>" + "word &amp; word ".repeat(1000) + "</p>"; // longer than is remembered
    assertEquals(HtmlText.convert(body), HtmlText.plain(body));
    assertEquals(HtmlText.convert(body), HtmlText.plain(body));
  }
}
