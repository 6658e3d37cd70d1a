// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k nearest neighbours from the k-d tree against brute force, on seeded random and gridded input.
 */
class KdTreeTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void nearest_matchesBruteForce(long seed) {
    Random rnd = new Random(seed);
    int n = 3000;
    boolean grid = seed % 2 == 0; // gridded input has many equal distances: ties by index
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = grid ? i % 50 : rnd.nextDouble() * 100;
      y[i] = grid ? i / 50 : rnd.nextDouble() * 100;
      z[i] = grid ? 0 : rnd.nextGaussian();
    }
    KdTree t = new KdTree(x, y, z);
    int k = 9;
    double[] d = new double[k];
    int[] ids = new int[k];
    for (int q = 0; q < 200; q++) {
      double qx = rnd.nextDouble() * 120 - 10;
      double qy = rnd.nextDouble() * 120 - 10;
      double qz = grid ? 0 : rnd.nextGaussian();
      int found = t.nearest(qx, qy, qz, k, d, ids);
      Integer[] all = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Comparator<Integer> byDistance =
          Comparator.<Integer>comparingDouble(
                  i ->
                      (x[i] - qx) * (x[i] - qx)
                          + (y[i] - qy) * (y[i] - qy)
                          + (z[i] - qz) * (z[i] - qz))
              .thenComparingInt(i -> i);
      Arrays.sort(all, byDistance);
      int[] expected = Arrays.stream(all).limit(k).mapToInt(Integer::intValue).toArray();
      assertEquals(k, found);
      assertArrayEquals(expected, ids, "seed " + seed + ", query " + q);
    }
  }
}
