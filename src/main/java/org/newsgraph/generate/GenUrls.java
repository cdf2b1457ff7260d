package org.newsgraph.generate;

import java.util.SplittableRandom;

/** The URL variants generated records use for the same article. */
final class GenUrls {

  private GenUrls() {}

  /** The URL itself or one of its variants that canonicalise to it. */
  static String variant(String url, SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> "http://" + url.substring("https://".length());
      case 1 -> url + "/";
      case 2 -> url + "?utm_source=newsletter&utm_medium=email&utm_campaign=c" + r.nextInt(100);
      case 3 -> url.replace("https://www.", "https://WWW.");
      default -> url;
    };
  }

  /** The AMP form. */
  static String amp(String url) {
    return url + "/amp/";
  }

  /** The AMP cache form. */
  static String cdnAmp(String url) {
    String hostAndPath = url.substring("https://".length());
    String host = hostAndPath.substring(0, hostAndPath.indexOf('/'));
    return "https://"
        + host.replace("-", "--").replace('.', '-')
        + ".cdn.ampproject.org/c/s/"
        + hostAndPath
        + "/amp/";
  }
}
