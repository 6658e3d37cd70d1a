// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackingTest {

  @Test
  void levelStarts_endWithASingleRoot() {
    assertArrayEquals(new int[] {0, 1, 2}, Packing.levelStarts(1, 16));
    assertArrayEquals(new int[] {0, 16, 17}, Packing.levelStarts(16, 16));
    assertArrayEquals(new int[] {0, 100, 107, 108}, Packing.levelStarts(100, 16));
    assertArrayEquals(new int[] {0, 5, 8, 10, 11}, Packing.levelStarts(5, 2));
  }

  private static int[] order(double[] boxes, int n, int nodeSize) {
    int[] starts = Packing.levelStarts(n, nodeSize);
    return Packing.order(boxes, 4, n, nodeSize, starts.length - 2);
  }

  @Test
  void order_isAPermutationEvenForDegenerateAndInfiniteBoxes() {
    Random rnd = new Random(3);
    for (int n : new int[] {1, 2, 15, 16, 17, 1000, 4099}) {
      double[] b = new double[4 * n];
      for (int i = 0; i < n; i++) {
        double x = i % 3 == 0 ? 5 : rnd.nextDouble() * 100;
        b[4 * i] = i % 7 == 0 ? Double.NEGATIVE_INFINITY : x;
        b[4 * i + 1] = rnd.nextDouble();
        b[4 * i + 2] = x + (i % 11 == 0 ? Double.POSITIVE_INFINITY : 1);
        b[4 * i + 3] = b[4 * i + 1];
      }
      int[] o = order(b, n, 16).clone();
      Arrays.sort(o);
      for (int i = 0; i < n; i++) {
        assertEquals(i, o[i], "n = " + n);
      }
    }
  }

  @Test
  void order_tilesUniformPointsIntoCompactSquarishLeafNodes() {
    // 64 x 64 grid points: leaf nodes of 16 should be about 4 x 4 cells, not 16 x 1
    int side = 64;
    int n = side * side;
    double[] b = new double[4 * n];
    Random rnd = new Random(9);
    for (int i = 0; i < n; i++) {
      double x = i % side + rnd.nextDouble() * 0.5;
      double y = i / side + rnd.nextDouble() * 0.5;
      b[4 * i] = x;
      b[4 * i + 1] = y;
      b[4 * i + 2] = x;
      b[4 * i + 3] = y;
    }
    int[] o = order(b, n, 16);
    double areaSum = 0;
    double worstAspect = 0;
    for (int node = 0; node < n / 16; node++) {
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < 16; k++) {
        int i = o[16 * node + k];
        minX = Math.min(minX, b[4 * i]);
        maxX = Math.max(maxX, b[4 * i]);
        minY = Math.min(minY, b[4 * i + 1]);
        maxY = Math.max(maxY, b[4 * i + 1]);
      }
      areaSum += (maxX - minX) * (maxY - minY);
      worstAspect =
          Math.max(
              worstAspect, Math.max(maxX - minX, maxY - minY) / Math.min(maxX - minX, maxY - minY));
    }
    assertTrue(
        areaSum < n * 1.0,
        "leaf nodes overlap or sprawl: total area " + areaSum + " for " + n + " cells");
    assertTrue(worstAspect < 3, "a leaf node is a sliver: aspect " + worstAspect);
  }
}
