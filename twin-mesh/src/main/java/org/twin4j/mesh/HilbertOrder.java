// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.Arrays;

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
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int gx = (int) ((xs[i] - minX) * scale);
      int gy = (int) ((ys[i] - minY) * scale);
      keys[i] = (long) index(gx, gy) << 32 | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  /** The distance along the Hilbert curve of grid cell (x, y), 0 ≤ x, y < 2^16. */
  static int index(int x, int y) {
    int d = 0;
    for (int s = 1 << (ORDER - 1); s > 0; s >>= 1) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      // rotate the quadrant
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
}
