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

class PackedRTree3DTest {

  static Stream<Arguments> dataSets() {
    List<Arguments> out = new ArrayList<>();
    long seed = 101;
    for (int n : new int[] {0, 1, 3, 100, 4000}) {
      for (int nodeSize : new int[] {2, 8, 16}) {
        out.add(Arguments.of(BoxData.uniform(3, n, 2000, seed++), nodeSize));
        out.add(Arguments.of(BoxData.clustered(3, n, seed++), nodeSize));
        out.add(Arguments.of(BoxData.degenerate(3, n, seed++), nodeSize));
        out.add(Arguments.of(BoxData.farAndTiny(3, n, seed++), nodeSize));
      }
    }
    return out.stream();
  }

  static PackedRTree3D build(BoxData d, int nodeSize) {
    PackedRTree3D.Builder b = PackedRTree3D.builder(d.size()).nodeSize(nodeSize);
    for (int i = 0; i < d.size(); i++) {
      b.add(d.ids[i], d.min(i, 0), d.min(i, 1), d.min(i, 2), d.max(i, 0), d.max(i, 1), d.max(i, 2));
    }
    return b.build();
  }

  static int[] sorted(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void searchAndNearest_matchBruteForce(BoxData d, int nodeSize) {
    PackedRTree3D tree = build(d, nodeSize);
    Random rnd = new Random(d.name.hashCode());
    int[] ids = new int[12];
    double[] dist = new double[12];
    for (int q = 0; q < 100; q++) {
      double[] lo = new double[3];
      double[] hi = new double[3];
      for (int a = 0; a < 3; a++) {
        lo[a] = d.at(rnd, a, 0.025);
        hi[a] = lo[a] + rnd.nextDouble() * 0.2 * d.span(a);
      }
      if (q % 4 == 0) {
        lo[2] = Double.NEGATIVE_INFINITY; // a 2D window
        hi[2] = Double.POSITIVE_INFINITY;
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (d.intersects(i, lo, hi)) {
          expected.add(d.ids[i]);
        }
      }
      List<Integer> got = new ArrayList<>();
      tree.search(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2], got::add);
      assertArrayEquals(sorted(expected), sorted(got), d.name + " node " + nodeSize + " box " + q);

      double[] p = {lo[0], lo[1], d.at(rnd, 2, 0.2)};
      double[] all = new double[d.size()];
      for (int i = 0; i < d.size(); i++) {
        all[i] = d.distance(i, p);
      }
      Arrays.sort(all);
      int k = 1 + rnd.nextInt(12);
      int n = tree.nearest(p[0], p[1], p[2], k, ids, dist);
      assertArrayEquals(
          Arrays.copyOf(all, Math.min(k, d.size())), Arrays.copyOf(dist, n), d.name + " knn " + q);
    }
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void ray_reportsEveryBoxHitInEntryOrder(BoxData d, int nodeSize) {
    PackedRTree3D tree = build(d, nodeSize);
    Random rnd = new Random(d.name.hashCode() + 5);
    for (int q = 0; q < 60; q++) {
      double[] o = {d.at(rnd, 0, 0), d.at(rnd, 1, 0), d.at(rnd, 2, 0)};
      double[] dir = {
        rnd.nextGaussian(), rnd.nextGaussian(), q % 3 == 0 ? 0 : rnd.nextGaussian() * 0.05
      };
      if (q % 7 == 0) {
        dir[1] = 0; // axis-parallel rays exercise the zero-direction slabs
      }
      double len = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
      for (int a = 0; a < 3; a++) {
        dir[a] /= len;
      }
      double maxT = (0.025 + rnd.nextDouble() * 0.75) * d.span(0);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (d.entry(i, o, dir, maxT) >= 0) {
          expected.add(d.ids[i]);
        }
      }
      List<Integer> got = new ArrayList<>();
      double[] last = {0};
      tree.ray(
          o[0],
          o[1],
          o[2],
          dir[0],
          dir[1],
          dir[2],
          maxT,
          (id, t) -> {
            assertTrue(
                t >= last[0] && t <= maxT, "entry distances must rise and stay within the limit");
            last[0] = t;
            got.add(id);
            return true;
          });
      assertArrayEquals(sorted(expected), sorted(got), d.name + " node " + nodeSize + " ray " + q);
    }
  }

  @Test
  void ray_stopsWhenTheVisitorSaysSo() {
    PackedRTree3D tree =
        PackedRTree3D.builder()
            .add(1, 10, -1, -1, 11, 1, 1)
            .add(2, 20, -1, -1, 21, 1, 1)
            .add(3, 5, 5, 5, 6, 6, 6)
            .build();
    List<Integer> got = new ArrayList<>();
    tree.ray(
        0,
        0,
        0,
        1,
        0,
        0,
        100,
        (id, t) -> {
          got.add(id);
          assertEquals(10, t);
          return false;
        });
    assertEquals(List.of(1), got);
    assertThrows(
        IllegalArgumentException.class, () -> tree.ray(0, 0, 0, 0, 0, 0, 1, (id, t) -> true));
  }

  @Test
  void search_visitorMayQueryTheSameTreeAgain() {
    BoxData d = BoxData.uniform(3, 3000, 2000, 78);
    PackedRTree3D tree = build(d, 16);
    double inf = Double.POSITIVE_INFINITY;
    List<Integer> outer = new ArrayList<>();
    List<Integer> inner = new ArrayList<>();
    List<Integer> expectedInner = new ArrayList<>();
    tree.search(0, 0, -inf, 50, 2000, inf, expectedInner::add);
    tree.search(
        100,
        100,
        -inf,
        400,
        400,
        inf,
        id -> {
          outer.add(id);
          if (outer.size() == 1) {
            tree.search(0, 0, -inf, 50, 2000, inf, inner::add);
          }
        });
    List<Integer> expectedOuter = new ArrayList<>();
    tree.search(100, 100, -inf, 400, 400, inf, expectedOuter::add);
    assertArrayEquals(sorted(expectedOuter), sorted(outer));
    assertArrayEquals(sorted(expectedInner), sorted(inner));
    assertTrue(outer.size() > 10 && inner.size() > 10, "the queries found something");
  }

  @Test
  void builder_rejectsInvertedZ() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PackedRTree3D.builder().add(9, 0, 0, 5, 1, 1, 4));
    assertTrue(e.getMessage().contains("(id 9) is inverted on axis z"), e.getMessage());
  }
}
