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
    int[] keys = keys(xs, ys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    radixSort(keys, order, 0, n);
    return order;
  }

  /**
   * Returns the indices of the points in a biased randomized insertion order (Amenta, Choi and Rote
   * 2003; CGAL's {@code spatial_sort} does the same): the points shuffled (by a fixed seed, so the
   * order is deterministic), then cut into rounds — the last three quarters, three quarters of the
   * rest, and so on — each round in Hilbert order. Within a round consecutive points are near each
   * other, as with a plain Hilbert order; across rounds the points are spread as in a random order,
   * so each insertion changes a few triangles of a well-shaped mesh instead of many thin triangles
   * at the edge of the part built so far.
   */
  static int[] brio(double[] xs, double[] ys) {
    int n = xs.length;
    int[] keys = keys(xs, ys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long state = 0x9E3779B97F4A7C15L;
    for (int i = n - 1; i > 0; i--) {
      // xorshift64*: fixed seed, the same order on every run
      state ^= state >>> 12;
      state ^= state << 25;
      state ^= state >>> 27;
      int j = (int) Long.remainderUnsigned(state * 0x2545F4914F6CDD1DL, i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] shuffled = new int[n];
    for (int i = 0; i < n; i++) {
      shuffled[i] = keys[order[i]];
    }
    int hi = n;
    while (hi > 0) {
      int lo = hi > 64 ? hi / 4 : 0;
      radixSort(shuffled, order, lo, hi);
      hi = lo;
    }
    return order;
  }

  /** The Hilbert index of every point on a 2^16 grid over the points' bounding square. */
  private static int[] keys(double[] xs, double[] ys) {
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
    return keys;
  }

  /**
   * Sorts {@code order[lo..hi)} by {@code keys[lo..hi)} (moving both): a least-significant-digit
   * radix sort in two passes of 16 bits, stable, so equal keys keep their relative order.
   */
  private static void radixSort(int[] keys, int[] order, int lo, int hi) {
    int m = hi - lo;
    if (m < 2) {
      return;
    }
    int[] k = java.util.Arrays.copyOfRange(keys, lo, hi);
    int[] o = java.util.Arrays.copyOfRange(order, lo, hi);
    int[] k2 = new int[m];
    int[] o2 = new int[m];
    for (int shift = 0; shift < 32; shift += 16) {
      int[] count = new int[(1 << 16) + 1];
      for (int i = 0; i < m; i++) {
        count[((k[i] >>> shift) & 0xFFFF) + 1]++;
      }
      for (int b = 0; b < 1 << 16; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < m; i++) {
        int at = count[(k[i] >>> shift) & 0xFFFF]++;
        k2[at] = k[i];
        o2[at] = o[i];
      }
      int[] t = k;
      k = k2;
      k2 = t;
      t = o;
      o = o2;
      o2 = t;
    }
    System.arraycopy(k, 0, keys, lo, m);
    System.arraycopy(o, 0, order, lo, m);
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
