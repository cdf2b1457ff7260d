package org.newsgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void agreesWithAHashMapThroughManyGrowthsAndOverwrites() {
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> reference = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      // Half the keys from a small range (overwrites, clustered slots), half anywhere.
      long key = i % 2 == 0 ? random.nextLong(50_000) : random.nextLong();
      Integer old = reference.put(key, i);
      assertThat(map.put(key, i)).isEqualTo(old == null ? LongIntMap.ABSENT : old);
    }
    assertThat(map.size()).isEqualTo(reference.size());
    reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
    for (int i = 0; i < 10_000; i++) {
      long absent = random.nextLong();
      if (!reference.containsKey(absent)) {
        assertThat(map.get(absent)).isEqualTo(LongIntMap.ABSENT);
      }
    }
    assertThat(map.get(0L)).isEqualTo(reference.getOrDefault(0L, LongIntMap.ABSENT));
  }
}
