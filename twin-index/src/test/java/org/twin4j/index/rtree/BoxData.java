// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Random;

/** Seeded test data sets of boxes, with brute-force answers. */
final class BoxData {

  final String name;
  final int dims;
  final double[] bounds;
  final int[] ids;

  private BoxData(String name, int dims, double[] bounds, int[] ids) {
    this.name = name;
    this.dims = dims;
    this.bounds = bounds;
    this.ids = ids;
  }

  int size() {
    return ids.length;
  }

  double min(int i, int axis) {
    return bounds[2 * dims * i + axis];
  }

  double max(int i, int axis) {
    return bounds[2 * dims * i + dims + axis];
  }

  /** Building-sized boxes (5 to 30 m) spread uniformly over a square of the given side. */
  static BoxData uniform(int dims, int n, double side, long seed) {
    Random rnd = new Random(seed);
    double[] b = new double[2 * dims * n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < dims; a++) {
        double extent = a == 2 ? side / 50 : side;
        double lo = rnd.nextDouble() * extent;
        b[2 * dims * i + a] = lo;
        b[2 * dims * i + dims + a] = lo + 5 + rnd.nextDouble() * 25;
      }
    }
    return new BoxData("uniform n=" + n + " seed=" + seed, dims, b, ids(n, rnd));
  }

  /** Boxes in a few dense Gaussian clusters, with many overlaps. */
  static BoxData clustered(int dims, int n, long seed) {
    Random rnd = new Random(seed);
    int clusters = 1 + n / 500;
    double[][] centres = new double[clusters][dims];
    for (double[] c : centres) {
      for (int a = 0; a < dims; a++) {
        c[a] = rnd.nextDouble() * 10_000;
      }
    }
    double[] b = new double[2 * dims * n];
    for (int i = 0; i < n; i++) {
      double[] c = centres[rnd.nextInt(clusters)];
      for (int a = 0; a < dims; a++) {
        double lo = c[a] + rnd.nextGaussian() * 40;
        b[2 * dims * i + a] = lo;
        b[2 * dims * i + dims + a] = lo + rnd.nextDouble() * 10;
      }
    }
    return new BoxData("clustered n=" + n + " seed=" + seed, dims, b, ids(n, rnd));
  }

  /** Zero-size boxes, exact duplicates, boxes on one line, and boxes sharing edges. */
  static BoxData degenerate(int dims, int n, long seed) {
    Random rnd = new Random(seed);
    double[] b = new double[2 * dims * n];
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(4);
      for (int a = 0; a < dims; a++) {
        double lo;
        double hi;
        switch (kind) {
          case 0: // points on an integer grid
            lo = rnd.nextInt(20);
            hi = lo;
            break;
          case 1: // one repeated box
            lo = 3;
            hi = 7;
            break;
          case 2: // on the line y = z = 5
            lo = a == 0 ? rnd.nextInt(30) : 5;
            hi = a == 0 ? lo + rnd.nextInt(3) : 5;
            break;
          default: // unit cells sharing edges
            lo = rnd.nextInt(10);
            hi = lo + 1;
        }
        b[2 * dims * i + a] = lo;
        b[2 * dims * i + dims + a] = hi;
      }
    }
    return new BoxData("degenerate n=" + n + " seed=" + seed, dims, b, ids(n, rnd));
  }

  /**
   * Centimetre-to-metre boxes packed densely at UTM magnitudes (x 500 km, y 6 500 km), where a
   * float step is 0.03 to 0.5 m: most boxes straddle float steps, so the exact double check
   * decides.
   */
  static BoxData farAndTiny(int dims, int n, long seed) {
    Random rnd = new Random(seed);
    double[] origin = {500_000, 6_500_000, 100};
    double[] b = new double[2 * dims * n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < dims; a++) {
        double lo = origin[a] + rnd.nextDouble() * 40;
        b[2 * dims * i + a] = lo;
        b[2 * dims * i + dims + a] = lo + (rnd.nextBoolean() ? 0 : rnd.nextDouble() * 0.7);
      }
    }
    return new BoxData("far-and-tiny n=" + n + " seed=" + seed, dims, b, ids(n, rnd));
  }

  /** Distinct ids in a shuffled, non-contiguous range, so positions and ids differ. */
  private static int[] ids(int n, Random rnd) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 3 * i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  /** The smallest minimum on an axis, or 0 for no data. */
  double lo(int axis) {
    double v = Double.POSITIVE_INFINITY;
    for (int i = 0; i < size(); i++) {
      v = Math.min(v, min(i, axis));
    }
    return size() == 0 ? 0 : v;
  }

  /** The extent on an axis, at least 1, or 2000 for no data. */
  double span(int axis) {
    if (size() == 0) {
      return 2000;
    }
    double v = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size(); i++) {
      v = Math.max(v, max(i, axis));
    }
    return Math.max(1, v - lo(axis));
  }

  /** A random coordinate over the extent on an axis, widened by a margin (a fraction of it). */
  double at(Random rnd, int axis, double margin) {
    return lo(axis) + (rnd.nextDouble() * (1 + 2 * margin) - margin) * span(axis);
  }

  boolean intersects(int i, double[] qMin, double[] qMax) {
    for (int a = 0; a < dims; a++) {
      if (min(i, a) > qMax[a] || max(i, a) < qMin[a]) {
        return false;
      }
    }
    return true;
  }

  double distance(int i, double[] p) {
    double s = 0;
    for (int a = 0; a < dims; a++) {
      double d = Math.max(0, Math.max(min(i, a) - p[a], p[a] - max(i, a)));
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** Entry parameter of the segment/ray p + t d, t in [0, tMax], into box i, or -1. */
  double entry(int i, double[] p, double[] d, double tMax) {
    double t0 = 0;
    double t1 = tMax;
    for (int a = 0; a < dims; a++) {
      if (d[a] == 0) {
        if (p[a] < min(i, a) || p[a] > max(i, a)) {
          return -1;
        }
        continue;
      }
      double ta = (min(i, a) - p[a]) / d[a];
      double tb = (max(i, a) - p[a]) / d[a];
      t0 = Math.max(t0, Math.min(ta, tb));
      t1 = Math.min(t1, Math.max(ta, tb));
      if (t0 > t1) {
        return -1;
      }
    }
    return t0;
  }
}
