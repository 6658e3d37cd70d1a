// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HilbertOrderTest {

  @Test
  void index_tableEqualsRotation() {
    Random rnd = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      int x = rnd.nextInt(1 << 16);
      int y = rnd.nextInt(1 << 16);
      assertEquals(HilbertOrder.indexByRotation(x, y), HilbertOrder.index(x, y), x + "," + y);
      // a coarser grid (odd orders take a single step first) gives the leading digits
      int shift = 1 + rnd.nextInt(15);
      assertEquals(
          HilbertOrder.indexByRotation(x, y) >>> (2 * shift),
          HilbertOrder.index(x >>> shift, y >>> shift, 16 - shift),
          x + "," + y + " at order " + (16 - shift));
    }
  }

  @Test
  void index_consecutiveCellsAreNeighbours() {
    // walking the curve, every step moves to an edge-adjacent cell (checked on an 8 x 8 corner)
    int[] cx = new int[64];
    int[] cy = new int[64];
    int found = 0;
    for (int x = 0; x < 1 << 16 && found < 64; x += 1) {
      if (x >= 8) {
        break;
      }
      for (int y = 0; y < 8; y++) {
        int d = HilbertOrder.index(x, y);
        if (d < 64) {
          cx[d] = x;
          cy[d] = y;
          found++;
        }
      }
    }
    assertEquals(64, found, "the first 64 cells fill the 8 x 8 corner");
    for (int d = 1; d < 64; d++) {
      assertEquals(1, Math.abs(cx[d] - cx[d - 1]) + Math.abs(cy[d] - cy[d - 1]), "step " + d);
    }
  }

  @Test
  void sort_isAPermutationAndStable() {
    double[] x = {5, 1, 1, 3, 5};
    double[] y = {5, 1, 1, 2, 5};
    int[] order = HilbertOrder.sort(x, y);
    assertEquals(5, order.length);
    boolean[] seen = new boolean[5];
    for (int i : order) {
      seen[i] = true;
    }
    for (boolean b : seen) {
      assertTrue(b);
    }
    int p1 = -1;
    int p2 = -1;
    for (int i = 0; i < 5; i++) {
      if (order[i] == 1) {
        p1 = i;
      }
      if (order[i] == 2) {
        p2 = i;
      }
    }
    assertTrue(p1 < p2, "equal cells keep input order");
  }

  @Test
  void brio_deterministicPermutation_roundsOfGrowingSizeInHilbertOrder() {
    java.util.Random rnd = new java.util.Random(5);
    int n = 100_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() * 100;
      y[i] = rnd.nextDouble() * 100;
    }
    int[] order = HilbertOrder.brio(x, y);
    org.junit.jupiter.api.Assertions.assertArrayEquals(order, HilbertOrder.brio(x, y));
    boolean[] seen = new boolean[n];
    for (int i : order) {
      assertTrue(!seen[i], "each point once");
      seen[i] = true;
    }
    // the keys: round in the top bits, Hilbert index below; the order follows them
    int[] keys = HilbertOrder.brioKeys(x, y);
    for (int i = 1; i < n; i++) {
      assertTrue(keys[order[i - 1]] <= keys[order[i]], "sorted at " + i);
    }
    // rounds (here 2^(2*11) cells: round bits above bit 22): the last holds about 3/4 of the
    // points, the one before about 3/4 of the rest, and every round is spread over the square
    java.util.Map<Integer, int[]> rounds = new java.util.TreeMap<>();
    for (int i : order) {
      int r = keys[i] >>> 22;
      int[] c = rounds.computeIfAbsent(r, k -> new int[2]);
      c[0]++;
      c[1] += x[i] < 50 ? 1 : 0;
    }
    int[] sizes = rounds.values().stream().mapToInt(c -> c[0]).toArray();
    assertTrue(sizes.length >= 5, "rounds: " + rounds.size());
    int last = sizes[sizes.length - 1];
    assertEquals(0.75 * n, last, 0.01 * n, "the last round");
    assertEquals(0.75 * (n - last), sizes[sizes.length - 2], 0.02 * n, "the round before");
    for (int[] c : rounds.values()) {
      if (c[0] >= 200) {
        assertEquals(0.5, c[1] / (double) c[0], 0.1, "round of " + c[0] + " spread west and east");
      }
    }
  }
}
