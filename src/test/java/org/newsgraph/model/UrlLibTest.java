package org.newsgraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonical URLs: one article, one canonical URL, however it was reached. */
class UrlLibTest {

  private static final String CANONICAL = "https://www.example.com/news/story-1";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.example.com/news/story-1",
        "http://www.example.com/news/story-1",
        "https://www.example.com/news/story-1/",
        "HTTPS://WWW.Example.COM:443/news/story-1",
        "http://www.example.com:80/news/story-1",
        "https://www.example.com/news/story-1?utm_source=rss&utm_medium=feed",
        "https://www.example.com/news/story-1?fbclid=x&gclid=y&ocid=z#comments",
        "https://www.example.com/news/story-1/amp/",
        "https://www.example.com/news/story-1?amp=1",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story-1/amp/",
        "https://www-example-com.cdn.ampproject.org/v/s/www.example.com/news/story-1?amp=1",
        "  https://www.example.com/news/story-1  "
      })
  void everyFormOfTheSameArticleHasOneCanonicalUrl(String url) {
    assertThat(UrlLib.canonical(url)).isEqualTo(CANONICAL);
  }

  @Test
  void meaningfulQueryParametersAreKeptInOrder() {
    assertThat(UrlLib.canonical("https://a.example.com/p?id=5&utm_campaign=x&page=2"))
        .isEqualTo("https://a.example.com/p?id=5&page=2");
  }

  @Test
  void everyTrackingParameterOfTheDocumentedListIsDroppedAndIdentityQueriesAreKept() {
    // the BBC's comScore and internal tracking, Microsoft's ocid, social and mail campaigns
    assertThat(
            UrlLib.canonical(
                "https://www.bbc.example/news/world-1?ns_mchannel=social&ns_source=twitter"
                    + "&NS_CAMPAIGN=x&ito=123&at_x=1&ocid=msn&fbclid=a&gclid=b&mc_cid=c&mc_eid=d"
                    + "&igshid=e&_ga=f&ref_src=g&cmpid=h"))
        .isEqualTo("https://www.bbc.example/news/world-1?at_x=1");
    assertThat(
            UrlLib.canonical(
                "http://www.independent.example/news/article.cfm?objectid=10421&utm_medium=rss"))
        .isEqualTo("https://www.independent.example/news/article.cfm?objectid=10421");
    assertThat(UrlLib.canonical("https://blog.example/?p=123&utm_source=feed"))
        .isEqualTo("https://blog.example/?p=123");
    assertThat(UrlLib.canonical("https://a.example/story?id=9&ito=1"))
        .isEqualTo("https://a.example/story?id=9");
    for (String name : UrlLib.TRACKING_PARAMS) {
      assertThat(UrlLib.canonical("https://a.example/s?" + name + "=1&id=2"))
          .isEqualTo("https://a.example/s?id=2");
    }
  }

  @Test
  void htmlEscapedAmpersandsInQueriesMeanTheSameUrl() {
    assertThat(UrlLib.canonical("https://a.example.com/p?w=600&#038;h=600"))
        .isEqualTo(UrlLib.canonical("https://a.example.com/p?w=600&h=600"));
    assertThat(UrlLib.canonical("https://a.example.com/p?w=600&amp;h=600"))
        .isEqualTo("https://a.example.com/p?w=600&h=600");
  }

  @Test
  void cleanKeepsWhatMattersAndEncodesWhatAnIriCannotHold() {
    assertThat(UrlLib.clean("https://a.example.com/a b?q=<x>"))
        .isEqualTo("https://a.example.com/a%20b?q=%3Cx%3E");
    assertThat(UrlLib.clean("https://a.example.com/$deal?x=1&y=$2#frag"))
        .isEqualTo("https://a.example.com/$deal?x=1&y=$2#frag");
    assertThat(UrlLib.clean("https://bücher.example/a"))
        .isEqualTo("https://xn--bcher-kva.example/a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "www.example.com/a",
        "",
        "ftp://a.example.com/x",
        "https:///path",
        "https://a.example.com/\u0001"
      })
  void unusableUrlsAreRefusedWithAReason(String url) {
    assertThatThrownBy(() -> UrlLib.clean(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("null");
  }

  @Test
  void theDomainOfAUrlDropsWww() {
    assertThat(UrlLib.domainOf("https://www.Example.com/x")).isEqualTo("example.com");
  }
}
