package org.newsgraph.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InferenceTest {

  private static final long DAY = 86_400;
  private static final InferenceSettings S = InferenceSettings.DEFAULTS;

  private static Doc doc(String iri, long day, String headline, String excerpt) {
    try (TextProfile.Builder b = S.profiles()) {
      return new Doc(iri, day * DAY, b.profile(headline, excerpt, null));
    }
  }

  @Test
  void termsAreStemmedAndStopWordsDropped() {
    Doc a = doc("a", 0, "Microsoft launches new edge devices", null);
    Doc b = doc("b", 0, "The Microsoft launch of an edge device", null);
    assertThat(a.profile().cosine(b.profile())).isGreaterThan(0.7);
    assertThat(doc("c", 0, "the of and a", null).profile().isEmpty()).isTrue();
    assertThat(a.profile().cosine(a.profile()))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void oneTemplateFilledInForTwoSubjectsIsNoPair() {
    Doc acme = doc("a", 0, ACME_HEADLINE, ACME_EXCERPT);
    Doc globex =
        doc(
            "b",
            0,
            "Globex raises $12 million in Series A round to expand AI platform in Paris",
            "Globex, the Paris-based startup building AI tools, said it raised $12 million in a"
                + " Series A round led by venture investors.");
    assertThat(acme.profile().cosine(globex.profile()))
        .as("their words are nearly the same")
        .isGreaterThan(0.6);
    assertThat(acme.profile().sameTemplateOtherSubject(globex.profile())).isTrue();
    assertThat(PairFinder.compare(acme, globex, S)).isNull();

    // The same release re-published is a copy.
    Doc again = doc("c", 1, ACME_HEADLINE, ACME_EXCERPT);
    Pair copy = PairFinder.compare(acme, again, S);
    assertThat(copy).isNotNull();
    assertThat(copy.copy()).isTrue();

    // Two outlets on one company's news share its names: a pair.
    Doc one =
        doc(
            "d",
            0,
            "Tesla recalls 2 million cars over Autopilot flaw",
            "Tesla is recalling more than 2 million vehicles in the US to fix its Autopilot"
                + " system, regulators said.");
    Doc two =
        doc(
            "e",
            0,
            "Tesla recalls more than 2 million vehicles over Autopilot",
            "The recall covers nearly every Tesla sold in the US since Autopilot was launched,"
                + " regulators said.");
    assertThat(one.profile().sameTemplateOtherSubject(two.profile())).isFalse();
    assertThat(PairFinder.compare(one, two, S)).isNotNull();

    // A capital after the end of a sentence names nothing.
    Doc before =
        doc(
            "f",
            0,
            "The Sabres can clinch a playoff berth Thursday night. Here's how",
            "Buffalo needs a win against Boston.");
    Doc after =
        doc(
            "g",
            1,
            "The Sabres did not clinch a playoff berth Thursday night. What comes next?",
            "Buffalo lost to Boston.");
    assertThat(before.profile().sameTemplateOtherSubject(after.profile())).isFalse();
    // But a name in the place of another is another subject.
    Doc friday = doc("h", 0, "Code Blue issued for Friday night in Buffalo", null);
    Doc thursday = doc("i", 0, "Code Blue issued for Thursday night in Buffalo", null);
    assertThat(friday.profile().sameTemplateOtherSubject(thursday.profile())).isTrue();
    // In title case every word begins with a capital, so capitals tell nothing.
    Doc robots =
        doc("j", 0, "How Will Service Robotics Market Deal With The COVID-19 Crisis?", null);
    Doc speech =
        doc(
            "k",
            0,
            "How Will Natural Language Processing Market Deal With The COVID-19 Crisis?",
            null);
    assertThat(robots.profile().sameTemplateOtherSubject(speech.profile())).isFalse();
  }

  private static final String ACME_HEADLINE =
      "Acme raises $37 million in Series A round to expand AI platform in Berlin";
  private static final String ACME_EXCERPT =
      "Acme, the Berlin-based startup building AI tools, said it raised $37 million in a Series A"
          + " round led by venture investors.";

  @Test
  void pairsOutsideTheWindowAreNotCompared() {
    Doc a = doc("a", 0, "PGA Tour picks AWS as cloud provider", null);
    Doc near = doc("b", 2, "AWS chosen by PGA Tour as cloud provider", null);
    Doc far = doc("c", 30, "AWS chosen by PGA Tour as cloud provider", null);
    assertThat(PairFinder.compare(a, near, S)).isNotNull();
    assertThat(PairFinder.compare(a, far, S)).isNull();
  }

  @Test
  void theFinderFindsExactlyThePairsOfTheBruteForce() {
    Random random = new Random(7);
    String[] words =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split(" ");
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 4; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      docs.add(doc(String.format("d%03d", i), random.nextInt(60), text.toString(), null));
    }
    Collections.sort(docs);
    for (int k : new int[] {1, 3, S.neighbours(), 10_000}) {
      InferenceSettings settings = S.withNeighbours(k);
      Set<String> found = new HashSet<>();
      PairFinder finder =
          new PairFinder(settings, p -> found.add(p.earlier().iri() + " " + p.later().iri()));
      docs.forEach(finder::add);
      Set<String> brute = bruteForce(docs, settings).keySet();
      assertThat(brute).isNotEmpty();
      assertThat(finder.repeats()).as("four words of twelve: some texts repeat").isPositive();
      assertThat(found).as("at most %d earlier neighbours", k).isEqualTo(brute);
      if (k < 10_000) {
        assertThat(finder.pairsDropped()).as("a crowded window: pairs dropped").isPositive();
      } else {
        assertThat(finder.pairsDropped()).isZero();
      }
    }
  }

  @Test
  void aWindowCrowdedWithOneTemplateKeepsAFewPairsAnArticle() {
    // 2,000 releases written from one template within a week, each about another company, sum
    // and city: every two are similar, so without a bound they would make two million pairs.
    // (In title case, where capitals do not tell the subjects apart.)
    String[] cities = {"Berlin", "Paris", "London", "Austin", "Boston", "Toronto", "Oslo"};
    List<Doc> docs = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      String company = "Company" + i;
      String city = cities[random.nextInt(cities.length)];
      int sum = 2 + random.nextInt(90);
      Doc dated =
          doc(
              String.format("t%04d", i),
              0,
              company
                  + " Raises $"
                  + sum
                  + " Million In Series A Round To Expand AI Platform In "
                  + city,
              company
                  + ", the "
                  + city
                  + "-based startup building AI tools for enterprises, said"
                  + " it raised $"
                  + sum
                  + " million in a Series A funding round led by venture"
                  + " investors, and plans to hire engineers.");
      docs.add(new Doc(dated.iri(), i * 300L, dated.profile())); // one every five minutes
    }
    Collections.sort(docs);
    Map<String, Integer> perLater = new java.util.HashMap<>();
    long[] pairs = {0};
    PairFinder finder =
        new PairFinder(
            S,
            p -> {
              pairs[0]++;
              perLater.merge(p.later().iri(), 1, Integer::sum);
              assertThat(p.earlier().compareTo(p.later())).isNegative();
            });
    docs.forEach(finder::add);
    assertThat(perLater.values()).allMatch(n -> n <= S.neighbours());
    assertThat(pairs[0]).isLessThanOrEqualTo(2000L * S.neighbours());
    assertThat(finder.pairsDropped()).as("the template's other pairs").isGreaterThan(1_000_000);
  }

  /**
   * Every pair by comparing all pairs, under the rule for repeated text (an article whose profile
   * an earlier one has is paired with the earliest of its text alone) and the bound on each
   * article's pairs with earlier ones.
   */
  private static Map<String, Double> bruteForce(List<Doc> sorted, InferenceSettings settings) {
    Map<Long, Doc> firstOf = new java.util.HashMap<>();
    Map<String, List<Pair>> byLater = new java.util.HashMap<>();
    for (Doc d : sorted) {
      if (!d.profile().isEmpty()) {
        firstOf.putIfAbsent(d.profile().fingerprint(), d);
      }
    }
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        Doc a = sorted.get(i);
        Doc b = sorted.get(j);
        boolean aFirst = a.profile().isEmpty() || firstOf.get(a.profile().fingerprint()) == a;
        boolean bFirst = b.profile().isEmpty() || firstOf.get(b.profile().fingerprint()) == b;
        boolean allowed = aFirst && bFirst || aFirst && firstOf.get(b.profile().fingerprint()) == a;
        Pair p = allowed ? PairFinder.compare(a, b, settings) : null;
        if (p != null) {
          byLater.computeIfAbsent(p.later().iri(), x -> new ArrayList<>()).add(p);
        }
      }
    }
    Map<String, Double> pairs = new java.util.HashMap<>();
    for (List<Pair> list : byLater.values()) {
      list.sort(Pair::byStrength);
      for (Pair p : list.subList(0, Math.min(list.size(), settings.neighbours()))) {
        pairs.put(p.earlier().iri() + " " + p.later().iri(), p.score());
      }
    }
    return pairs;
  }

  @Test
  void repeatsOfOneTextArePairedWithItsFirstAlone() {
    // A boilerplate item repeated under 3,000 URLs within two days, among other texts: every
    // repeat is a copy of the earliest, and no two repeats make a pair (3,000 repeats would make
    // 4.5 million pairs and as many graphs).
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      docs.add(
          new Doc(
              String.format("r%04d", i),
              i * 60L,
              doc(
                      "x",
                      0,
                      "Subscribe to our newsletter",
                      "The best stories of the day in your inbox")
                  .profile()));
    }
    docs.add(doc("other-1", 1, "Subscribe to our newsletter today", "The best stories of the day"));
    docs.add(doc("other-2", 1, "Harbour ferry strike ends", "Crews return to work on Monday"));
    Collections.sort(docs);
    List<Pair> found = new ArrayList<>();
    PairFinder finder = new PairFinder(S, found::add);
    docs.forEach(finder::add);
    assertThat(finder.repeats()).isEqualTo(2999);
    assertThat(found.stream().filter(Pair::copy).map(p -> p.earlier().iri()).distinct())
        .containsExactly("r0000");
    assertThat(found.stream().filter(p -> p.later().iri().startsWith("r")))
        .hasSize(2999)
        .allSatisfy(p -> assertThat(p.earlier().iri()).isEqualTo("r0000"));
    assertThat(found)
        .anySatisfy(
            p -> assertThat(p.earlier().iri() + " " + p.later().iri()).isEqualTo("r0000 other-1"));
    assertThat(found).hasSize(3000);
  }

  @Test
  void inADenseWindowTheCommonTermsAreLeftOutOfTheSearchAndThePairsStayExact() {
    // Every text carries some of a few words nearly all the window shares, and some of many rarer
    // ones: the finder leaves the common words' long posting lists out of its search.
    Random random = new Random(11);
    String[] common = "market report company growth".split(" ");
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 3; w++) {
        text.append(common[random.nextInt(common.length)]).append(' ');
      }
      for (int w = 0; w < 8; w++) {
        text.append("word").append((char) ('a' + random.nextInt(26)));
        text.append((char) ('a' + random.nextInt(26))).append(' ');
      }
      docs.add(doc(String.format("d%04d", i), random.nextInt(20), text.toString(), null));
    }
    Collections.sort(docs);
    Map<String, Double> found = new java.util.HashMap<>();
    PairFinder finder =
        new PairFinder(S, p -> found.put(p.earlier().iri() + " " + p.later().iri(), p.score()));
    docs.forEach(finder::add);
    Map<String, Double> brute = bruteForce(docs, S);
    assertThat(finder.postingsLeftOut()).as("the common terms were left out").isPositive();
    // Both ways of adding the left-out terms' part were taken: walking their posting lists for a
    // crowd of candidates, looking them up in each candidate's terms for a few.
    assertThat(finder.leftOutWalks()).isPositive();
    assertThat(finder.leftOutLookups()).isPositive();
    assertThat(brute).hasSizeGreaterThan(100);
    assertThat(found).isEqualTo(brute);
  }

  @Test
  void theRuleGroupByGroupDecidesAsOnAllPairsAtOnce() {
    Random random = new Random(3);
    String[] words =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split(" ");
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Four topics with words of their own: pairs form within a topic, so several groups.
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 5; w++) {
        text.append(words[random.nextInt(words.length)]).append(i % 4).append(' ');
      }
      docs.add(doc(String.format("d%03d", i), random.nextInt(90), text.toString(), null));
    }
    Collections.sort(docs);
    Map<String, Integer> positions = new java.util.HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      positions.put(docs.get(i).iri(), i);
    }
    List<Pair> all = new ArrayList<>();
    PairGroups groups = new PairGroups();
    PairFinder finder =
        new PairFinder(
            S,
            p -> {
              all.add(p);
              groups.add(
                  positions.get(p.earlier().iri()),
                  positions.get(p.later().iri()),
                  p.score(),
                  p.copy());
            });
    docs.forEach(finder::add);
    Set<String> together = names(StoryRule.apply(all, S.threshold()).sameStory());
    Set<String> byGroup = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    groups.eachGroup(
        docs::get,
        group -> {
          sizes.add(group.size());
          byGroup.addAll(names(StoryRule.apply(group, S.threshold()).sameStory()));
        });
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all.size());
    assertThat(sizes).hasSizeGreaterThan(1); // several groups, so the split is exercised
    assertThat(together).isNotEmpty();
    assertThat(byGroup).isEqualTo(together);
  }

  private static Set<String> names(List<Pair> pairs) {
    Set<String> out = new HashSet<>();
    pairs.forEach(p -> out.add(p.earlier().iri() + " " + p.later().iri()));
    return out;
  }

  @Test
  void theEarlyStoppingCopyTestAnswersAsTheFullContainment() {
    Random random = new Random(11);
    String[] words = "one two three four five six seven eight".split(" ");
    List<TextProfile> profiles = new ArrayList<>();
    try (TextProfile.Builder builder = new TextProfile.Builder(2.0, 2000)) {
      String shared = text(random, words, 40);
      for (int i = 0; i < 60; i++) {
        // Texts that repeat a common passage in part, so containment takes every value.
        String own = text(random, words, random.nextInt(60));
        int cut = random.nextInt(41);
        profiles.add(builder.profile(null, shared.substring(0, nthSpace(shared, cut)) + own, null));
      }
    }
    int copies = 0;
    for (TextProfile a : profiles) {
      for (TextProfile b : profiles) {
        for (double level : new double[] {0, 0.3, 0.6, 0.85, 1.0}) {
          boolean full = a.containment(b) >= level;
          assertThat(a.contains(b, level)).as("level %s", level).isEqualTo(full);
          copies += full && level == 0.6 ? 1 : 0;
        }
      }
    }
    assertThat(copies).isBetween(100, 3500); // both answers occur
  }

  private static String text(Random random, String[] words, int n) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < n; w++) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    return text.toString();
  }

  private static int nthSpace(String text, int n) {
    int at = 0;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(' ', at) + 1;
    }
    return at;
  }

  @Test
  void aChainOfWeakPairsDoesNotBecomeOneStory() {
    // Each article shares half its words with the next: neighbours pair up, ends share nothing.
    List<Doc> chain =
        List.of(
            doc("a", 0, "apple banana cherry damson", null),
            doc("b", 0, "cherry damson elder fig", null),
            doc("c", 1, "elder fig grape hazel", null),
            doc("d", 1, "grape hazel kiwi lemon", null),
            doc("e", 2, "kiwi lemon mango nectarine", null));
    List<Pair> pairs = allPairs(chain);
    assertThat(pairs).hasSize(4);
    StoryRule.Result result = StoryRule.apply(pairs, 0.3);
    assertThat(result.sameStory()).hasSizeLessThan(4);
    assertThat(result.sameStory()).isNotEmpty();
  }

  @Test
  void theRuleIgnoresTheOrderOfThePairs() {
    List<Doc> docs =
        List.of(
            doc("a", 0, "Azure Percept brings AI to the edge", "Microsoft Ignite edge devices"),
            doc("b", 0, "Microsoft unveils Azure Percept edge devices", "at Ignite"),
            doc("c", 1, "Azure Percept: Microsoft edge AI kit", "Ignite announcement"),
            doc("d", 1, "Microsoft Ignite: Azure Arc runs machine learning", "hybrid cloud"),
            doc("e", 2, "Azure Arc machine learning now available", "Microsoft hybrid"));
    List<Pair> pairs = allPairs(docs);
    StoryRule.Result first = StoryRule.apply(pairs, 0.3);
    for (int seed = 0; seed < 20; seed++) {
      List<Pair> shuffled = new ArrayList<>(pairs);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(StoryRule.apply(shuffled, 0.3).sameStory()).isEqualTo(first.sameStory());
    }
  }

  @Test
  void copiesPointToTheEarliestCopy() {
    String release =
        "Acme Corp today announced the general availability of Widget Cloud, a platform that"
            + " lets enterprises train and deploy models across regions with one click";
    Doc first = doc("x1", 0, "Acme announces Widget Cloud", release);
    Doc second = doc("x2", 1, "Widget Cloud is generally available", release);
    Doc third = doc("x3", 2, "Acme Widget Cloud launches", "Press release: " + release);
    Doc rewrite = doc("x4", 1, "Acme's Widget Cloud reviewed", "We tried Acme's new platform.");
    StoryRule.Result result =
        StoryRule.apply(allPairs(List.of(first, second, third, rewrite)), 0.3);
    assertThat(result.copies()).isEqualTo(Map.of(second, first, third, first));
  }

  private static List<Pair> allPairs(List<Doc> docs) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        Pair p = PairFinder.compare(docs.get(i), docs.get(j), S);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
