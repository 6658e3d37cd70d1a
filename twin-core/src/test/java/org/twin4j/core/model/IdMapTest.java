// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdMapTest {

  private static final long SEED = 20261126L;

  @Test
  void randomEdits_matchHashMapAndOldVersionsStayIntact() {
    Random rnd = new Random(SEED);
    IdMap map = IdMap.EMPTY;
    Map<String, Integer> ref = new HashMap<>();
    List<IdMap> versions = new ArrayList<>();
    List<Map<String, Integer>> refs = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      String key = "id" + rnd.nextInt(3000);
      if (rnd.nextInt(3) == 0) {
        map = map.remove(key);
        ref.remove(key);
      } else {
        int v = rnd.nextInt(1 << 20);
        map = map.put(key, v);
        ref.put(key, v);
      }
      if (step % 2000 == 0) {
        versions.add(map);
        refs.add(new HashMap<>(ref));
      }
    }
    assertEquals(ref.size(), map.size(), "seed " + SEED);
    for (int i = 0; i < 3000; i++) {
      assertEquals(
          ref.getOrDefault("id" + i, -1), map.get("id" + i), "seed " + SEED + " key id" + i);
    }
    for (int v = 0; v < versions.size(); v++) {
      for (int i = 0; i < 3000; i++) {
        assertEquals(
            refs.get(v).getOrDefault("id" + i, -1), versions.get(v).get("id" + i), "version " + v);
      }
    }
  }

  @Test
  void collidingHashCodes_areKeptApart() {
    // "Aa" and "BB" share String.hashCode, so they share every level of the trie
    IdMap.Editor e = IdMap.EMPTY.edit();
    e.put("Aa", 1);
    e.put("BB", 2);
    e.put("AaAa", 3);
    e.put("BBBB", 4);
    e.put("AaBB", 5);
    IdMap m = e.done();
    assertEquals(5, m.size());
    assertEquals(2, m.get("BB"));
    assertEquals(5, m.get("AaBB"));
    IdMap n = m.remove("Aa");
    assertEquals(-1, n.get("Aa"));
    assertEquals(2, n.get("BB"));
    assertEquals(1, m.get("Aa"));
    assertEquals(4, n.size());
  }

  @Test
  void editor_bulkLoadThenPersistentUpdatesDoNotLeak() {
    IdMap.Editor e = IdMap.EMPTY.edit();
    for (int i = 0; i < 100_000; i++) {
      e.put("b" + i, i);
    }
    IdMap base = e.done();
    IdMap changed = base.put("b5", -7).remove("b6");
    assertEquals(5, base.get("b5"));
    assertEquals(6, base.get("b6"));
    assertEquals(-7, changed.get("b5"));
    assertEquals(-1, changed.get("b6"));
    assertEquals(99_999, changed.size());
  }
}
