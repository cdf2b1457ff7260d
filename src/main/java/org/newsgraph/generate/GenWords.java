package org.newsgraph.generate;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Words, names and topics of generated records, with some unicode in every field that allows it.
 */
final class GenWords {

  private static final String[] WORDS = {
    "model",
    "data",
    "robot",
    "vision",
    "language",
    "learning",
    "neural",
    "chip",
    "cloud",
    "ethics",
    "startup",
    "funding",
    "research",
    "privacy",
    "health",
    "car",
    "drone",
    "search",
    "voice",
    "agent",
    "training",
    "benchmark",
    "open",
    "source",
    "policy",
    "regulation",
    "market",
    "launch",
    "release",
    "café",
    "naïve",
    "Zürich",
    "São",
    "Paulo",
    "München",
    "Kraków",
    "Ελλάδα",
    "東京",
    "人工智能",
    "ИИ",
    "الذكاء",
    "🤖",
    "data—driven",
    "“quoted”",
    "it's",
    "50%",
    "$10M",
    "&",
    "#1"
  };
  private static final String[] TOPICS = {
    "AI", "Machine Learning", "Computer Vision", "Natural Language Processing", "AI Ethics",
    "AI Hardware", "AI in Healthcare", "Robotics", "Künstliche Intelligenz",
        "Apprentissage automatique",
    "人工智能", "Self-Driving Cars"
  };
  private static final String[] NAME_PARTS = {
    "Daily",
    "Tech",
    "Times",
    "Post",
    "Herald",
    "Review",
    "Wire",
    "Journal",
    "Observer",
    "Zeitung",
    "Gazette",
    "Chronicle",
    "Süd",
    "Nouvelles",
    "Ñews",
    "日報"
  };

  private GenWords() {}

  static String sentence(SplittableRandom r, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(' ');
      }
      String w = WORDS[r.nextInt(WORDS.length)];
      s.append(i == 0 ? w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1) : w);
    }
    return s.toString();
  }

  /**
   * Ranks of running text left out: the most common words, which in real text are the stop words an
   * analyzer removes. Without this, a fifth of all words would be one of ten, every two texts would
   * share several, and a dense window (thousands of articles a week) would make one story of all.
   */
  private static final int HEAD = 50;

  /** Size of the generated vocabulary of running text. */
  static final int VOCABULARY = 40_000;

  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fa", "gu", "ha", "ji", "ke", "lu",
    "ma", "no", "pi", "re"
  };

  /**
   * A word of running text: rank k of the vocabulary, drawn with probability about 1/k (Zipf's law,
   * as in real text: a few words are everywhere, most are rare), written as syllables so that every
   * rank is its own word; now and then one of the unicode words.
   */
  static String textWord(SplittableRandom r) {
    if (r.nextInt(12) == 0) {
      return WORDS[r.nextInt(WORDS.length)];
    }
    int rank =
        (int) Math.floor(HEAD * Math.exp(r.nextDouble() * Math.log((double) VOCABULARY / HEAD)));
    return word(rank);
  }

  /** The word of a vocabulary rank (0 ..). */
  static String word(int rank) {
    StringBuilder w = new StringBuilder();
    int k = rank;
    do {
      w.append(SYLLABLES[k % SYLLABLES.length]);
      k /= SYLLABLES.length;
    } while (k > 0);
    return w.append(SYLLABLES[rank % 7]).toString();
  }

  /**
   * Running text of {@code n} words, with {@code keys} (a story's own words) among them: the words
   * the articles of one story share, as real coverage of one event shares its names.
   */
  static String text(SplittableRandom r, int n, List<String> keys, int keysUsed) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      words.add(textWord(r));
    }
    for (int i = 0; i < keysUsed && !keys.isEmpty(); i++) {
      words.add(r.nextInt(words.size() + 1), keys.get(r.nextInt(keys.size())));
    }
    StringBuilder s = new StringBuilder();
    for (String w : words) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(s.length() == 0 ? w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1) : w);
    }
    return s.toString();
  }

  /** A story's own words: rare words of the vocabulary, drawn from the story's random. */
  static List<String> storyWords(SplittableRandom r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.add(word(VOCABULARY / 4 + r.nextInt(VOCABULARY * 3 / 4)));
    }
    return out;
  }

  static String slug(SplittableRandom r, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = WORDS[r.nextInt(29)]; // ASCII words only: slugs go into URLs
      s.append(i > 0 ? "-" : "").append(w);
    }
    return s.toString();
  }

  static List<String> topics(SplittableRandom r) {
    List<String> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String t = TOPICS[r.nextInt(TOPICS.length)];
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  static List<String> topicNames() {
    return List.of(TOPICS);
  }

  static String domain(int p) {
    return "provider" + p + (p % 7 == 0 ? ".co.uk" : p % 5 == 0 ? ".de" : ".com");
  }

  static String providerName(int p) {
    return NAME_PARTS[p % NAME_PARTS.length]
        + " "
        + NAME_PARTS[(p / NAME_PARTS.length) % NAME_PARTS.length]
        + " "
        + p;
  }

  static String secured(SplittableRandom r) {
    byte[] bytes = new byte[96];
    r.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes)
        + ";"
        + Base64.getEncoder()
            .encodeToString(
                new byte[] {
                  (byte) r.nextInt(), (byte) r.nextInt(), (byte) r.nextInt(), (byte) r.nextInt()
                });
  }
}
