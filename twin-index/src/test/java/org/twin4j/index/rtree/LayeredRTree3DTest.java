// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayeredRTree3DTest {

  /** A reference model: id to box. */
  private static final class Reference {
    final Map<Integer, double[]> boxes = new HashMap<>();

    Reference copy() {
      Reference r = new Reference();
      r.boxes.putAll(boxes);
      return r;
    }
  }

  private static double[] randomBox(Random rnd) {
    double x = rnd.nextDouble() * 1000;
    double y = rnd.nextDouble() * 1000;
    double z = rnd.nextDouble() * 20;
    return new double[] {
      x, y, z, x + rnd.nextDouble() * 20, y + rnd.nextDouble() * 20, z + rnd.nextDouble() * 15
    };
  }

  private static void check(LayeredRTree3D tree, Reference ref, Random rnd, String where) {
    assertEquals(ref.boxes.size(), tree.size(), where + ": size");
    for (int q = 0; q < 5; q++) {
      double[] w = randomBox(rnd);
      w[3] += 60;
      w[4] += 60;
      List<Integer> expected = new ArrayList<>();
      List<double[]> dists = new ArrayList<>();
      double px = w[0];
      double py = w[1];
      double pz = w[2];
      double[] all = new double[ref.boxes.size()];
      int n = 0;
      for (Map.Entry<Integer, double[]> e : ref.boxes.entrySet()) {
        double[] b = e.getValue();
        if (b[0] <= w[3]
            && b[3] >= w[0]
            && b[1] <= w[4]
            && b[4] >= w[1]
            && b[2] <= w[5]
            && b[5] >= w[2]) {
          expected.add(e.getKey());
        }
        double dx = Math.max(0, Math.max(b[0] - px, px - b[3]));
        double dy = Math.max(0, Math.max(b[1] - py, py - b[4]));
        double dz = Math.max(0, Math.max(b[2] - pz, pz - b[5]));
        all[n++] = Math.sqrt(dx * dx + dy * dy + dz * dz);
      }
      List<Integer> got = new ArrayList<>();
      tree.search(w[0], w[1], w[2], w[3], w[4], w[5], got::add);
      assertArrayEquals(
          PackedRTree3DTest.sorted(expected),
          PackedRTree3DTest.sorted(got),
          where + ": search " + q);
      Arrays.sort(all);
      int k = 10;
      int[] ids = new int[k];
      double[] dist = new double[k];
      int found = tree.nearest(px, py, pz, k, ids, dist);
      assertArrayEquals(
          Arrays.copyOf(all, Math.min(k, all.length)),
          Arrays.copyOf(dist, found),
          where + ": nearest " + q);
      for (int i = 0; i < found; i++) {
        assertTrue(
            ref.boxes.containsKey(ids[i]), where + ": nearest returned removed id " + ids[i]);
      }
      List<Integer> within = new ArrayList<>();
      tree.withinDistance(px, py, pz, 40, within::add);
      long expectedWithin = Arrays.stream(all).filter(v -> v <= 40).count();
      assertEquals(expectedWithin, within.size(), where + ": within " + q);
      assertEquals(
          within.size(), within.stream().distinct().count(), where + ": within repeats an id");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomEditSequences_stayExactAndOldVersionsStayValid(long seed) {
    Random rnd = new Random(seed);
    LayeredRTree3D tree = LayeredRTree3D.empty();
    Reference ref = new Reference();
    List<LayeredRTree3D> versions = new ArrayList<>();
    List<Reference> refs = new ArrayList<>();
    int nextId = 0;
    List<Integer> removedIds = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int adds = rnd.nextInt(step < 100 ? 60 : 12);
      int removes = ref.boxes.isEmpty() ? 0 : rnd.nextInt(Math.min(15, ref.boxes.size()) + 1);
      List<Integer> live = new ArrayList<>(ref.boxes.keySet());
      java.util.Collections.shuffle(live, rnd);
      int[] rem = new int[removes];
      for (int i = 0; i < removes; i++) {
        rem[i] = live.get(i);
      }
      int[] add = new int[adds];
      double[] bounds = new double[6 * adds];
      for (int i = 0; i < adds; i++) {
        // sometimes re-add an id removed earlier (or in this very call): a replace
        boolean revive = !removedIds.isEmpty() && rnd.nextInt(6) == 0;
        add[i] = revive ? removedIds.remove(rnd.nextInt(removedIds.size())) : nextId++;
        System.arraycopy(randomBox(rnd), 0, bounds, 6 * i, 6);
      }
      for (int id : rem) {
        ref.boxes.remove(id);
        removedIds.add(id);
      }
      for (int i = 0; i < adds; i++) {
        ref.boxes.put(add[i], Arrays.copyOfRange(bounds, 6 * i, 6 * i + 6));
        removedIds.remove(Integer.valueOf(add[i]));
      }
      tree = tree.withChanges(rem, add, bounds);
      if (step % 10 == 0) {
        check(tree, ref, rnd, "seed " + seed + " step " + step);
      }
      if (step % 50 == 0) {
        versions.add(tree);
        refs.add(ref.copy());
      }
      assertTrue(
          tree.layerCount()
              <= 2 + 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, tree.size()))),
          "seed " + seed + ": " + tree.layerCount() + " layers for " + tree.size() + " boxes");
    }
    for (int v = 0; v < versions.size(); v++) {
      check(versions.get(v), refs.get(v), rnd, "seed " + seed + " old version " + v);
    }
  }

  @Test
  void cursor_walksAllLayersAndTheTailInOrder() {
    LayeredRTree3D t = LayeredRTree3D.empty();
    for (int i = 0; i < 200; i++) {
      t = t.with(i, i * 10, 0, 0, i * 10 + 5, 5, 5);
    }
    t = t.without(3).without(150);
    assertTrue(t.layerCount() >= 1);
    LayeredRTree3D.Cursor c = t.nearest(0, 0, 0);
    double last = -1;
    int n = 0;
    while (c.next()) {
      assertTrue(c.distance() >= last);
      assertFalse(c.id() == 3 || c.id() == 150);
      last = c.distance();
      n++;
    }
    assertEquals(198, n);
    LayeredRTree3D.Cursor r = t.ray(-10, 2, 2, 1, 0, 0, 100);
    List<Integer> hit = new ArrayList<>();
    while (r.next()) {
      hit.add(r.id());
    }
    assertEquals(List.of(0, 1, 2, 4, 5, 6, 7, 8, 9), hit);
  }

  @Test
  void withChanges_rejectsUnknownRemovalsAndDuplicateAdds() {
    LayeredRTree3D t =
        LayeredRTree3D.of(new int[] {1, 2}, new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3});
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> t.without(5));
    assertTrue(missing.getMessage().contains("cannot remove id 5"), missing.getMessage());
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> t.with(2, 0, 0, 0, 1, 1, 1));
    assertTrue(dup.getMessage().contains("cannot add id 2"), dup.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.with(-1, 0, 0, 0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> t.with(7, 0, 0, Double.NaN, 1, 1, 1));
    assertEquals(2, t.size());
    assertTrue(t.contains(1));
  }
}
