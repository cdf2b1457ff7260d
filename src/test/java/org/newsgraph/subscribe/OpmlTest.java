package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Problem;

/** OPML lists: nested outlines, skipped outlines, and hostile or broken XML. */
class OpmlTest {

  private static Opml.Result read(String xml) {
    return Opml.read(xml.getBytes(StandardCharsets.UTF_8), "desk.opml");
  }

  @Test
  void everyOutlineWithAnXmlUrlAtAnyDepthIsAFeedOnce() {
    Opml.Result result =
        read(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>Feeds</title></head>
              <body>
                <outline text="News" title="News">
                  <outline type="rss" text="A" xmlUrl="https://a.example.org/feed.xml" htmlUrl="https://a.example.org/"/>
                  <outline text="Deeper">
                    <outline type="atom" text="B" xmlurl="http://b.example.org/atom#top"/>
                  </outline>
                </outline>
                <outline type="rss" text="A again" xmlUrl="https://a.example.org/feed.xml"/>
                <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
                <outline text="Just a note"/>
              </body>
            </opml>
            """);
    assertThat(result.failed()).isFalse();
    assertThat(result.urls())
        .containsExactly(
            URI.create("https://a.example.org/feed.xml"), URI.create("http://b.example.org/atom"));
    assertThat(result.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "desk.opml:12:67: warning: outline's xmlUrl 'file:///etc/passwd' is not an http(s)"
                + " URL; skipped");
  }

  @Test
  void entityDeclarationsAreRefusedAndMalformedListsAreErrorsAtTheirPosition() {
    Opml.Result xxe =
        read(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n<!ENTITY secret SYSTEM"
                + " \"file:///etc/passwd\">\n]>\n<opml><body><outline xmlUrl=\"&secret;\"/></body></opml>");
    assertThat(xxe.urls()).isEmpty();
    assertThat(xxe.problems())
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .startsWith("desk.opml:3:")
        .contains("error: entity declarations are refused in OPML lists (declares 'secret')");

    Opml.Result cut =
        read("<opml version=\"2.0\"><body>\n<outline xmlUrl=\"https://a.example.org/\">");
    assertThat(cut.urls()).isEmpty();
    assertThat(cut.problems().get(0).toString())
        .startsWith("desk.opml:2:")
        .contains("error: malformed XML");

    Opml.Result notOpml = read("<rss version=\"2.0\"><channel/></rss>");
    assertThat(notOpml.problems().get(0).toString())
        .isEqualTo(
            "desk.opml:1:20: error: not an OPML subscription list: the root element is <rss>");
  }

  @Test
  void subscriptionsAreToldFromPathsByScheme() {
    assertThat(Subscriber.isSubscription("https://a.example.org/feed")).isTrue();
    assertThat(Subscriber.isSubscription("HTTP://a.example.org/feed")).isTrue();
    assertThat(Subscriber.isSubscription("lists/desk.OPML")).isTrue();
    assertThat(Subscriber.isSubscription("seeds")).isFalse();
    assertThat(Subscriber.isSubscription("-")).isFalse();
    assertThat(
            Opml.isOpml(
                "<?xml version=\"1.0\"?>\n<!-- x -->\n<opml version=\"2.0\">"
                    .getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(Opml.isOpml("<rss/>".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(
            Opml.isOpml(
                "<!DOCTYPE opml [<!ENTITY x \"y\">]>\n<opml>".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(FeedArchive.baseName(URI.create("https://News.Example.org/rss/world.xml?lang=en")))
        .isEqualTo("news.example.org_rss_world.xml_lang_en");
    assertThat(FeedArchive.baseName(URI.create("http://127.0.0.1:8080/")))
        .isEqualTo("127.0.0.1_8080");
    assertThat(FeedArchive.snapshotName(java.time.Instant.parse("2026-12-07T08:15:00.750Z")))
        .isEqualTo("2026-12-07T08-15-00Z.xml");
    assertThat(Path.of("x")).isNotNull();
  }
}
