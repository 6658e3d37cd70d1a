// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackedRTree2DTest {

  static Stream<Arguments> dataSets() {
    List<Arguments> out = new ArrayList<>();
    long seed = 11;
    for (int n : new int[] {0, 1, 2, 17, 256, 5000}) {
      for (int nodeSize : new int[] {2, 4, 16, 64}) {
        out.add(Arguments.of(BoxData.uniform(2, n, 2000, seed++), nodeSize));
        out.add(Arguments.of(BoxData.clustered(2, n, seed++), nodeSize));
        out.add(Arguments.of(BoxData.degenerate(2, n, seed++), nodeSize));
        out.add(Arguments.of(BoxData.farAndTiny(2, n, seed++), nodeSize));
      }
    }
    return out.stream();
  }

  static PackedRTree2D build(BoxData d, int nodeSize) {
    PackedRTree2D.Builder b = PackedRTree2D.builder(d.size()).nodeSize(nodeSize);
    for (int i = 0; i < d.size(); i++) {
      b.add(d.ids[i], d.min(i, 0), d.min(i, 1), d.max(i, 0), d.max(i, 1));
    }
    return b.build();
  }

  private static int[] sorted(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void search_matchesBruteForce(BoxData d, int nodeSize) {
    PackedRTree2D tree = build(d, nodeSize);
    assertEquals(d.size(), tree.size());
    Random rnd = new Random(d.name.hashCode());
    for (int q = 0; q < 200; q++) {
      double[] lo = new double[2];
      double[] hi = new double[2];
      for (int a = 0; a < 2; a++) {
        if (d.size() > 0 && rnd.nextInt(4) == 0) {
          // windows whose edges coincide with box edges test the closed boundaries
          int i = rnd.nextInt(d.size());
          lo[a] = d.max(i, a);
          hi[a] = lo[a] + rnd.nextDouble() * 0.025 * d.span(a);
        } else {
          lo[a] = d.at(rnd, a, 0.025);
          hi[a] = lo[a] + rnd.nextDouble() * d.span(a) * (rnd.nextBoolean() ? 0.015 : 0.3);
        }
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (d.intersects(i, lo, hi)) {
          expected.add(d.ids[i]);
        }
      }
      List<Integer> got = new ArrayList<>();
      tree.search(lo[0], lo[1], hi[0], hi[1], got::add);
      assertArrayEquals(
          sorted(expected), sorted(got), d.name + " node " + nodeSize + " query " + q);
    }
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void nearest_matchesBruteForce(BoxData d, int nodeSize) {
    PackedRTree2D tree = build(d, nodeSize);
    Random rnd = new Random(d.name.hashCode() + 1);
    int[] ids = new int[25];
    double[] dist = new double[25];
    for (int q = 0; q < 100; q++) {
      double[] p = {d.at(rnd, 0, 0.05), d.at(rnd, 1, 0.05)};
      int k = 1 + rnd.nextInt(25);
      double[] all = new double[d.size()];
      for (int i = 0; i < d.size(); i++) {
        all[i] = d.distance(i, p);
      }
      double[] expected = all.clone();
      Arrays.sort(expected);
      int n = tree.nearest(p[0], p[1], k, ids, dist);
      String where = d.name + " node " + nodeSize + " query " + q + " k " + k;
      assertEquals(Math.min(k, d.size()), n, where);
      assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(dist, n), where);
      for (int r = 0; r < n; r++) {
        int pos = position(d, ids[r]);
        assertEquals(all[pos], dist[r], where + " id " + ids[r]);
      }
      assertEquals(n, Arrays.stream(ids, 0, n).distinct().count(), where + ": duplicate ids");
    }
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void incrementalNearestAndWithinDistance_matchBruteForce(BoxData d, int nodeSize) {
    PackedRTree2D tree = build(d, nodeSize);
    Random rnd = new Random(d.name.hashCode() + 2);
    for (int q = 0; q < 30; q++) {
      double[] p = {d.at(rnd, 0, 0), d.at(rnd, 1, 0)};
      double radius = rnd.nextDouble() * 0.1 * d.span(0);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (d.distance(i, p) <= radius) {
          expected.add(d.ids[i]);
        }
      }
      List<Integer> within = new ArrayList<>();
      tree.withinDistance(p[0], p[1], radius, within::add);
      assertArrayEquals(sorted(expected), sorted(within), d.name + " within " + q);
      List<Integer> walked = new ArrayList<>();
      double[] last = {0};
      tree.nearest(
          p[0],
          p[1],
          radius,
          (id, dist) -> {
            assertTrue(dist >= last[0], "distances must not decrease");
            last[0] = dist;
            walked.add(id);
            return true;
          });
      assertArrayEquals(sorted(expected), sorted(walked), d.name + " incremental " + q);
    }
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void searchSegment_matchesBruteForce(BoxData d, int nodeSize) {
    PackedRTree2D tree = build(d, nodeSize);
    Random rnd = new Random(d.name.hashCode() + 3);
    for (int q = 0; q < 50; q++) {
      double[] p = {d.at(rnd, 0, 0), d.at(rnd, 1, 0)};
      double[] e = {
        p[0] + rnd.nextGaussian() * 0.15 * d.span(0),
        q % 5 == 0 ? p[1] : p[1] + rnd.nextGaussian() * 0.15 * d.span(1)
      };
      double[] dir = {e[0] - p[0], e[1] - p[1]};
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (d.entry(i, p, dir, 1) >= 0) {
          expected.add(d.ids[i]);
        }
      }
      List<Integer> got = new ArrayList<>();
      tree.searchSegment(p[0], p[1], e[0], e[1], got::add);
      assertArrayEquals(sorted(expected), sorted(got), d.name + " segment " + q);
    }
  }

  private static int position(BoxData d, int id) {
    for (int i = 0; i < d.size(); i++) {
      if (d.ids[i] == id) {
        return i;
      }
    }
    throw new AssertionError("id " + id + " not in the data");
  }

  @Test
  void search_visitorMayQueryTheSameTreeAgain() {
    BoxData d = BoxData.uniform(2, 3000, 2000, 77);
    PackedRTree2D tree = build(d, 16);
    List<Integer> outer = new ArrayList<>();
    List<Integer> inner = new ArrayList<>();
    List<Integer> expectedInner = new ArrayList<>();
    tree.search(0, 0, 50, 2000, expectedInner::add);
    tree.search(
        100,
        100,
        400,
        400,
        id -> {
          outer.add(id);
          if (outer.size() == 1) {
            tree.search(0, 0, 50, 2000, inner::add); // re-entrant: must not disturb the outer query
          }
        });
    List<Integer> expectedOuter = new ArrayList<>();
    tree.search(100, 100, 400, 400, expectedOuter::add);
    assertArrayEquals(sorted(expectedOuter), sorted(outer));
    assertArrayEquals(sorted(expectedInner), sorted(inner));
    assertTrue(outer.size() > 10 && inner.size() > 10, "the queries found something");
  }

  @Test
  void builder_rejectsNaNAndInvertedBoxesNamingThem() {
    PackedRTree2D.Builder b = PackedRTree2D.builder().add(1, 0, 0, 1, 1);
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> b.add(42, 0, Double.NaN, 1, 1));
    assertTrue(nan.getMessage().contains("box 1 (id 42) is NaN on axis y"), nan.getMessage());
    IllegalArgumentException inv =
        assertThrows(IllegalArgumentException.class, () -> b.add(43, 5, 0, 4, 1));
    assertTrue(
        inv.getMessage().contains("(id 43) is inverted on axis x: min 5.0, max 4.0"),
        inv.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PackedRTree2D.of(new int[] {1}, new double[] {0, 0, -1, 1}));
  }

  @Test
  void queries_rejectNaNWindowsAndPoints() {
    PackedRTree2D tree = PackedRTree2D.builder().add(1, 0, 0, 1, 1).build();
    assertThrows(IllegalArgumentException.class, () -> tree.search(0, 0, Double.NaN, 1, id -> {}));
    assertThrows(IllegalArgumentException.class, () -> tree.search(2, 0, 1, 1, id -> {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> tree.nearest(Double.NaN, 0, 1, new int[1], new double[1]));
    assertThrows(IllegalArgumentException.class, () -> tree.withinDistance(0, 0, -1, id -> {}));
  }

  @Test
  void builder_isSingleUseAndTreeKnowsItsBounds() {
    PackedRTree2D.Builder b = PackedRTree2D.builder().add(7, -3, 2, 4, 9).add(8, 0, -1, 1, 0);
    PackedRTree2D tree = b.build();
    assertThrows(IllegalStateException.class, b::build);
    assertEquals(new org.twin4j.core.geom.Bounds2D(-3, -1, 4, 9), tree.bounds().orElseThrow());
    assertTrue(PackedRTree2D.builder().build().bounds().isEmpty());
  }
}
