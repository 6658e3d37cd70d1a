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
    return sortedBy(keys(xs, ys, ORDER));
  }

  /** The indices sorted by their keys, equal keys in index order. */
  private static int[] sortedBy(int[] keys) {
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    radixSort(keys, order, 0, n);
    return order;
  }

  /**
   * Returns the indices of the points in a biased randomized insertion order (Amenta, Choi and Rote
   * 2003; CGAL's {@code spatial_sort} does the same): rounds of growing size — about three quarters
   * of the points in the last round, three quarters of the rest in the one before, and so on — each
   * round in Hilbert order. Within a round consecutive points are near each other, as with a plain
   * Hilbert order; across rounds the points are spread as in a random order, so each insertion
   * changes a few triangles of a well-shaped mesh instead of many thin triangles at the edge of the
   * part built so far.
   *
   * <p>A point's round comes from a hash of its index (a fixed seed, so the order is deterministic)
   * and makes the top bits of its sort key, the Hilbert index on a grid fine enough for the number
   * of points the low bits: one radix sort orders all rounds.
   */
  static int[] brio(double[] xs, double[] ys) {
    return sortedBy(brioKeys(xs, ys));
  }

  /** The key {@link #brio} sorts by: the round (first rounds lowest), then the Hilbert index. */
  static int[] brioKeys(double[] xs, double[] ys) {
    int n = xs.length;
    // a grid of about 16 cells per point, at most 2^14 per side so that 4 round bits fit
    int lg = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
    int order = Math.max(1, Math.min(14, (lg + 5) / 2));
    // rounds while the smallest still holds about 64 points
    int levels = 0;
    while (levels < 15 && (long) n >> (2 * (levels + 1)) >= 64) {
      levels++;
    }
    int[] keys = keys(xs, ys, order);
    for (int i = 0; i < n; i++) {
      // splitmix64 of the index: P(level >= l) = 4^-l
      long h = (i + 1) * 0x9E3779B97F4A7C15L;
      h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
      h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
      h ^= h >>> 31;
      int level = Math.min(Long.numberOfLeadingZeros(h) >>> 1, levels);
      keys[i] |= (levels - level) << (2 * order);
    }
    return keys;
  }

  /** The Hilbert index of every point on a 2^order grid over the points' bounding square. */
  private static int[] keys(double[] xs, double[] ys, int order) {
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
    double scale = span > 0 ? ((1 << order) - 1) / span : 0;
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      int gx = (int) ((xs[i] - minX) * scale);
      int gy = (int) ((ys[i] - minY) * scale);
      keys[i] = index(gx, gy, order);
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
    return index(x, y, ORDER);
  }

  /**
   * The distance along the Hilbert curve of cell (x, y) of a 2^order × 2^order grid: two levels per
   * step of a 64-entry table (a single step first when the order is odd).
   */
  static int index(int x, int y, int order) {
    int d = 0;
    int state = 0;
    int level = order - 1;
    if ((order & 1) != 0) {
      int q = ((x >>> level) & 1) << 1 | ((y >>> level) & 1);
      int e = STEP[state << 2 | q];
      d = e & 3;
      state = e >>> 2;
      level--;
    }
    for (; level > 0; level -= 2) {
      int e = STEP2[state << 4 | ((x >>> (level - 1)) & 3) << 2 | ((y >>> (level - 1)) & 3)];
      d = d << 4 | (e & 15);
      state = e >>> 4;
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

  /**
   * Two levels at once: for state and input bits (x1 x0 << 2 | y1 y0): next state << 4 | digits.
   */
  private static final int[] STEP2 = new int[64];

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
    for (int state = 0; state < 4; state++) {
      for (int bx = 0; bx < 4; bx++) {
        for (int by = 0; by < 4; by++) {
          int high = STEP[state << 2 | (bx >> 1) << 1 | (by >> 1)];
          int low = STEP[(high >>> 2) << 2 | (bx & 1) << 1 | (by & 1)];
          STEP2[state << 4 | bx << 2 | by] = (low >>> 2) << 4 | (high & 3) << 2 | (low & 3);
        }
      }
    }
  }
}
