// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HilbertTest {

  @Test
  void index_isAContinuousBijectionOnAnOrder8Grid() {
    // the top 16 bits of the order-16 index of (x << 8, y << 8) are the order-8 index of (x, y)
    int n = 256;
    int[] cellAt = new int[n * n];
    Arrays.fill(cellAt, -1);
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        int h = Hilbert.index(x << 8, y << 8) >>> 16;
        assertEquals(-1, cellAt[h], "index " + h + " given twice");
        cellAt[h] = x * n + y;
      }
    }
    for (int h = 1; h < n * n; h++) {
      int ax = cellAt[h - 1] / n;
      int ay = cellAt[h - 1] % n;
      int bx = cellAt[h] / n;
      int by = cellAt[h] % n;
      assertEquals(
          1,
          Math.abs(ax - bx) + Math.abs(ay - by),
          "cells " + (h - 1) + " and " + h + " are not adjacent");
    }
  }

  @Test
  void radixOrder_sortsUnsignedKeysStably() {
    Random rnd = new Random(7);
    int[] keys = new int[10_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rnd.nextInt(50) * 0x0100_0001 ^ (rnd.nextBoolean() ? Integer.MIN_VALUE : 0);
    }
    int[] copy = keys.clone();
    int[] perm = Hilbert.radixOrder(keys);
    for (int i = 1; i < perm.length; i++) {
      int c = Integer.compareUnsigned(copy[perm[i - 1]], copy[perm[i]]);
      assertTrue(c < 0 || (c == 0 && perm[i - 1] < perm[i]), "position " + i);
    }
  }

  @Test
  void levelStarts_endWithASingleRoot() {
    assertArrayEquals(new int[] {0, 1, 2}, Hilbert.levelStarts(1, 16));
    assertArrayEquals(new int[] {0, 16, 17}, Hilbert.levelStarts(16, 16));
    assertArrayEquals(new int[] {0, 100, 107, 108}, Hilbert.levelStarts(100, 16));
    assertArrayEquals(new int[] {0, 5, 8, 10, 11}, Hilbert.levelStarts(5, 2));
  }
}
