// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

/**
 * Orders points along a Hilbert curve over their bounding box (a 2^16 × 2^16 grid), so that points
 * next to each other in the order are next to each other in the plane: incremental insertion then
 * walks a few triangles per point instead of crossing the mesh. Ties (points in one grid cell) keep
 * their input order, so the order is deterministic.
 */
final class HilbertOrder {

  private static final int ORDER = 16;

  private HilbertOrder() {}

  /** Returns the indices of the points in Hilbert order. */
  static int[] sort(double[] xs, double[] ys) {
    int n = xs.length;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    double span = Math.max(maxX - minX, maxY - minY);
    double scale = span > 0 ? ((1 << ORDER) - 1) / span : 0;
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      int gx = (int) ((xs[i] - minX) * scale);
      int gy = (int) ((ys[i] - minY) * scale);
      keys[i] = index(gx, gy);
    }
    // least-significant-digit radix sort on the 32-bit keys, two passes of 16 bits: stable, so
    // points in one cell keep their input order
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] keys2 = new int[n];
    int[] order2 = new int[n];
    for (int shift = 0; shift < 32; shift += 16) {
      int[] count = new int[(1 << 16) + 1];
      for (int i = 0; i < n; i++) {
        count[((keys[i] >>> shift) & 0xFFFF) + 1]++;
      }
      for (int b = 0; b < 1 << 16; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int at = count[(keys[i] >>> shift) & 0xFFFF]++;
        keys2[at] = keys[i];
        order2[at] = order[i];
      }
      int[] t = keys;
      keys = keys2;
      keys2 = t;
      t = order;
      order = order2;
      order2 = t;
    }
    return order;
  }

  /**
   * The distance along the Hilbert curve of grid cell (x, y), 0 ≤ x, y < 2^16: one table step per
   * level instead of the textbook rotate-and-flip branches, which the processor mispredicts half
   * the time. The state holds whether the quadrants below are mirrored (x and y swapped) and
   * complemented.
   */
  static int index(int x, int y) {
    int d = 0;
    int state = 0;
    for (int level = ORDER - 1; level >= 0; level--) {
      int q = ((x >>> level) & 1) << 1 | ((y >>> level) & 1);
      int e = STEP[state << 2 | q];
      d = d << 2 | (e & 3);
      state = e >>> 2;
    }
    return d;
  }

  /** The textbook form, kept to check the table against. */
  static int indexByRotation(int x, int y) {
    int d = 0;
    for (int s = 1 << (ORDER - 1); s > 0; s >>= 1) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /** For state (swap << 1 | complement) and input bits (x << 1 | y): next state << 2 | digit. */
  private static final int[] STEP = new int[16];

  static {
    for (int state = 0; state < 4; state++) {
      boolean swap = (state & 2) != 0;
      boolean complement = (state & 1) != 0;
      for (int q = 0; q < 4; q++) {
        int bx = q >> 1;
        int by = q & 1;
        int rx = swap ? by : bx;
        int ry = swap ? bx : by;
        if (complement) {
          rx ^= 1;
          ry ^= 1;
        }
        int digit = (3 * rx) ^ ry;
        int next = state;
        if (ry == 0) {
          if (rx == 1) {
            next ^= 1;
          }
          next ^= 2;
        }
        STEP[state << 2 | q] = next << 2 | digit;
      }
    }
  }
}
