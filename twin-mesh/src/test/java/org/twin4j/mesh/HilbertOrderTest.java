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
  void brio_deterministicPermutation_roundsInHilbertOrder() {
    java.util.Random rnd = new java.util.Random(5);
    int n = 10_000;
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
    // rounds [n/4, n), [n/16, n/4), ...: each along the curve, each a spread-out sample
    int[] rank = new int[n];
    int[] hilbert = HilbertOrder.sort(x, y);
    for (int i = 0; i < n; i++) {
      rank[hilbert[i]] = i;
    }
    int hi = n;
    while (hi > 64) {
      int lo = hi / 4;
      for (int i = lo + 1; i < hi; i++) {
        assertTrue(rank[order[i - 1]] < rank[order[i]], "round [" + lo + ", " + hi + ") at " + i);
      }
      double meanX = 0;
      for (int i = lo; i < hi; i++) {
        meanX += x[order[i]];
      }
      meanX /= hi - lo;
      assertEquals(50, meanX, 10, "round [" + lo + ", " + hi + ") spread over the square");
      hi = lo;
    }
  }
}
