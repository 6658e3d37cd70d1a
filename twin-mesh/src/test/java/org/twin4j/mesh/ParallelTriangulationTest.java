// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strip-parallel triangulation against the sequential one: the same vertices (by input index)
 * and the same triangles, on spread-out, clustered, gridded (every grid square four cocircular
 * points) and all-cocircular input, with duplicates, for several thread counts.
 */
class ParallelTriangulationTest {

  /** The triangles as input-index triples, each starting at its smallest index, sorted. */
  static long[] canonical(DelaunayTriangulation t) {
    return canonical(t, java.util.function.IntUnaryOperator.identity());
  }

  /** The same with every input index mapped first (to undo a permutation of the input). */
  static long[] canonical(DelaunayTriangulation t, java.util.function.IntUnaryOperator map) {
    int[] tri = t.triangles();
    long[] out = new long[tri.length / 3];
    for (int i = 0; i < tri.length; i += 3) {
      int a = map.applyAsInt(t.inputIndex(tri[i]));
      int b = map.applyAsInt(t.inputIndex(tri[i + 1]));
      int c = map.applyAsInt(t.inputIndex(tri[i + 2]));
      // rotate so that the smallest comes first (keeps the orientation)
      while (a > b || a > c) {
        int s = a;
        a = b;
        b = c;
        c = s;
      }
      out[i / 3] = (long) a << 42 | (long) b << 21 | c;
    }
    Arrays.sort(out);
    return out;
  }

  static int[] vertices(DelaunayTriangulation t) {
    int[] v = new int[t.vertexCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = t.inputIndex(i);
    }
    Arrays.sort(v);
    return v;
  }

  @ParameterizedTest(name = "{0} n={1} threads={3}")
  @CsvSource({
    "uniform, 200000, 1, 2",
    "uniform, 120000, 2, 3",
    "clustered, 60000, 3, 2",
    "grid, 90000, 4, 2",
    "grid, 90000, 5, 4",
    "jittered, 100000, 6, 2",
    "circle, 24000, 7, 3"
  })
  void ofParallel_sameTrianglesAsSequential(String kind, int n, long seed, int threads) {
    double[][] p = DelaunayTriangulationTest.points(kind, n, seed);
    DelaunayTriangulation one = DelaunayTriangulation.of(p[0], p[1], p[2], 0);
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(p[0], p[1], p[2], 0, threads);
    String what = kind + " n=" + n + " threads=" + threads;
    assertEquals(one.duplicates(), many.duplicates(), what + ": duplicates");
    assertArrayEquals(vertices(one), vertices(many), what + ": vertices");
    assertArrayEquals(canonical(one), canonical(many), what + ": triangles");
    DelaunayTriangulationTest.assertDelaunay(many, what, false);
    for (int v = 0; v < many.vertexCount(); v += 37) {
      int i = many.inputIndex(v);
      assertEquals(p[0][i], many.x(v), 0);
      assertEquals(p[1][i], many.y(v), 0);
      assertEquals(p[2][i], many.z(v), 0);
    }
  }

  @ParameterizedTest(name = "{0} n={1} threads={2}")
  @CsvSource({
    "lattice, 23000, 3",
    "vertical-lines, 10000, 2",
    "vertical-lines, 40000, 5",
    "parabola, 23000, 4",
    "far-clusters, 10000, 2",
    "integer-ring, 40000, 3"
  })
  void ofParallel_awkwardInput_sameTrianglesAsSequential(String kind, int n, int threads) {
    // lattice: integer points with many duplicates and cocircular squares; vertical lines: x ties
    // at the cuts; parabola: points in convex position, whose circles are all large
    Random rnd = new Random(n * 31L + threads);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      switch (kind) {
        case "lattice":
          x[i] = rnd.nextInt(150);
          y[i] = rnd.nextInt(150);
          break;
        case "vertical-lines":
          x[i] = rnd.nextInt(7);
          y[i] = rnd.nextDouble() * 100;
          break;
        case "parabola":
          double u = rnd.nextDouble() * 200 - 100;
          x[i] = u;
          y[i] = u * u;
          break;
        case "far-clusters":
          x[i] = rnd.nextInt(2) * 1e6 + rnd.nextDouble();
          y[i] = rnd.nextDouble();
          break;
        default:
          double angle = rnd.nextDouble() * 2 * Math.PI;
          x[i] = Math.round(Math.cos(angle) * 500);
          y[i] = Math.round(Math.sin(angle) * 500);
      }
      z[i] = rnd.nextDouble();
    }
    DelaunayTriangulation one = DelaunayTriangulation.of(x, y, z, 0);
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(x, y, z, 0, threads);
    assertEquals(one.duplicates(), many.duplicates(), kind + ": duplicates");
    assertArrayEquals(vertices(one), vertices(many), kind + ": vertices");
    assertArrayEquals(canonical(one), canonical(many), kind + ": triangles");
    DelaunayTriangulationTest.assertDelaunay(many, kind, false);
  }

  @Test
  void circleInside_neverAcceptsACircleReachingOut() {
    // checked against the exact circle (decimal arithmetic to 100 digits) with the strip's edge
    // placed within a hair of the circle's extreme: near-duplicate vertices, axis-aligned edges,
    // coordinates up to 10^7
    java.math.MathContext mc = new java.math.MathContext(100);
    Random rnd = new Random(17);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      double offset = Math.pow(10, rnd.nextInt(8));
      double scale = Math.pow(10, -rnd.nextInt(12));
      double ax = offset + rnd.nextDouble() * 1000;
      double ay = offset * 5 + rnd.nextDouble() * 1000;
      double bx = rnd.nextInt(3) == 0 ? ax : ax + (rnd.nextDouble() - 0.5) * 1000 * scale;
      double by = ay + (rnd.nextDouble() - 0.5) * 1000;
      double cx =
          rnd.nextInt(3) == 0 ? bx + Math.ulp(bx) * rnd.nextInt(8) : ax + rnd.nextGaussian();
      double cy =
          rnd.nextInt(3) == 0 ? by - Math.ulp(by) * rnd.nextInt(8) : ay + rnd.nextGaussian();
      if (Predicates.orient2d(ax, ay, bx, by, cx, cy) <= 0) {
        double t = bx;
        bx = cx;
        cx = t;
        t = by;
        by = cy;
        cy = t;
      }
      if (Predicates.orient2d(ax, ay, bx, by, cx, cy) <= 0) {
        continue;
      }
      java.math.BigDecimal[] exact = exactCircle(ax, ay, bx, by, cx, cy, mc);
      double right = exact[0].add(exact[1].sqrt(mc)).doubleValue();
      double left = exact[0].subtract(exact[1].sqrt(mc)).doubleValue();
      double r = Math.sqrt(exact[1].doubleValue());
      double hi = right + (rnd.nextDouble() - 0.3) * 1e-4 * r;
      double lo = left - (rnd.nextDouble() - 0.3) * 1e-4 * r;
      if (ParallelTriangulation.circleInside(ax, ay, bx, by, cx, cy, lo, hi, 0)) {
        accepted++;
        java.math.BigDecimal toHi = new java.math.BigDecimal(hi).subtract(exact[0]);
        java.math.BigDecimal toLo = exact[0].subtract(new java.math.BigDecimal(lo));
        assertTrue(
            toHi.signum() > 0 && toHi.multiply(toHi).compareTo(exact[1]) > 0,
            "circle reaches past hi: " + ax + "," + ay + " " + bx + "," + by + " " + cx + "," + cy);
        assertTrue(
            toLo.signum() >= 0 && toLo.multiply(toLo).compareTo(exact[1]) >= 0,
            "circle reaches past lo: " + ax + "," + ay + " " + bx + "," + by + " " + cx + "," + cy);
      }
    }
    assertTrue(accepted > 10_000, "the test accepts circles clear of the edges: " + accepted);
    // found by review: two near-duplicate vertices on an axis-aligned edge, 1 cm off before
    double ax = 999872.4052135814;
    double ay = 4999693.312114359;
    double bx = 999872.4052135814;
    double by = 4999289.334042347;
    double cx = 999872.4052135821;
    double cy = 4999289.334042345;
    java.math.BigDecimal[] exact = exactCircle(ax, ay, bx, by, cx, cy, mc);
    double right = exact[0].add(exact[1].sqrt(mc)).doubleValue();
    assertTrue(
        !ParallelTriangulation.circleInside(
            ax, ay, bx, by, cx, cy, Double.NEGATIVE_INFINITY, right - 0.01, 0),
        "the reviewed triangle");
  }

  /** The centre's x and the squared radius of a triangle's circumcircle, to mc's precision. */
  private static java.math.BigDecimal[] exactCircle(
      double ax, double ay, double bx, double by, double cx, double cy, java.math.MathContext mc) {
    java.math.BigDecimal x0 = new java.math.BigDecimal(ax);
    java.math.BigDecimal y0 = new java.math.BigDecimal(ay);
    java.math.BigDecimal px = new java.math.BigDecimal(bx).subtract(x0);
    java.math.BigDecimal py = new java.math.BigDecimal(by).subtract(y0);
    java.math.BigDecimal qx = new java.math.BigDecimal(cx).subtract(x0);
    java.math.BigDecimal qy = new java.math.BigDecimal(cy).subtract(y0);
    java.math.BigDecimal pp = px.multiply(px).add(py.multiply(py));
    java.math.BigDecimal qq = qx.multiply(qx).add(qy.multiply(qy));
    java.math.BigDecimal d =
        px.multiply(qy).subtract(py.multiply(qx)).multiply(java.math.BigDecimal.valueOf(2));
    java.math.BigDecimal ux = qy.multiply(pp).subtract(py.multiply(qq)).divide(d, mc);
    java.math.BigDecimal uy = px.multiply(qq).subtract(qx.multiply(pp)).divide(d, mc);
    return new java.math.BigDecimal[] {x0.add(ux), ux.multiply(ux).add(uy.multiply(uy))};
  }

  @Test
  void ofParallel_collinearStrips_sameVertices() {
    // every strip one exact x column (collinear, no triangle of its own) with duplicates
    int n = 30_000;
    Random rnd = new Random(23);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextInt(4);
      y[i] = rnd.nextInt(2_000);
      z[i] = i;
    }
    DelaunayTriangulation one = DelaunayTriangulation.of(x, y, z, 0);
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(x, y, z, 0, 4);
    assertEquals(one.duplicates(), many.duplicates());
    assertArrayEquals(vertices(one), vertices(many));
    assertArrayEquals(canonical(one), canonical(many));
    double[] column = {5, 5, 5, 5, 5};
    DelaunayTriangulation line =
        DelaunayTriangulation.of(
            column, new double[] {3, 1, 3, 2, 1}, new double[] {0, 1, 2, 3, 4}, 0);
    assertEquals(3, line.vertexCount(), "collinear duplicates merged however far apart");
    assertEquals(2, line.duplicates());
    for (int v = 0; v < 3; v++) {
      assertTrue(line.inputIndex(v) <= 3, "the first of each place stands for it");
    }
  }

  @Test
  void of_gridInShuffledOrder_sameTriangles() {
    // four cocircular points in every square: the triangles must not depend on the input order
    int n = 40_000;
    double[][] p = DelaunayTriangulationTest.points("grid", n, 1);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Random rnd = new Random(5);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int s = perm[i];
      perm[i] = perm[j];
      perm[j] = s;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = p[0][perm[i]];
      y[i] = p[1][perm[i]];
      z[i] = p[2][perm[i]];
    }
    DelaunayTriangulation straight = DelaunayTriangulation.of(p[0], p[1], p[2], 0);
    DelaunayTriangulation shuffled = DelaunayTriangulation.of(x, y, z, 0);
    long[] expected = canonical(straight);
    long[] got = canonical(shuffled, i -> perm[i]);
    assertArrayEquals(expected, got);
    // a fan from the lowest corner: each square split by the diagonal from its lower left corner
    int[] t = straight.triangles();
    for (int i = 0; i < t.length; i += 3) {
      double minX =
          Math.min(straight.x(t[i]), Math.min(straight.x(t[i + 1]), straight.x(t[i + 2])));
      double minY =
          Math.min(straight.y(t[i]), Math.min(straight.y(t[i + 1]), straight.y(t[i + 2])));
      boolean hasCorner = false;
      for (int k = 0; k < 3; k++) {
        hasCorner |= straight.x(t[i + k]) == minX && straight.y(t[i + k]) == minY;
      }
      assertTrue(hasCorner, "triangle " + i / 3 + " does not hold its square's lower left corner");
    }
  }

  @ParameterizedTest(name = "{0}, {1} threads")
  @CsvSource({"ahn3_cropped_1.laz, 2", "ahn3_cropped_2.laz, 3", "autzen_trim.laz, 2"})
  void ofParallel_realLidar_sameTrianglesAsSequential(String file, int threads) throws Exception {
    // every point of a real tile: centimetre coordinates, so exact duplicates (scan overlap) and
    // cocircular quadruples occur
    java.nio.file.Path path =
        java.nio.file.Path.of(System.getProperty("twin.data.dir", "../data"), "lidar", file);
    double[][] p =
        org.twin4j.pointcloud.LasFiles.read(
                path, org.twin4j.pointcloud.LasReadOptions.defaults().withListener(w -> {}))
            .coordinates((ch, i) -> true);
    DelaunayTriangulation one = DelaunayTriangulation.of(p[0], p[1], p[2], 0);
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(p[0], p[1], p[2], 0, threads);
    assertTrue(one.duplicates() > 0, file + ": the tile has points at the same x and y");
    assertEquals(one.duplicates(), many.duplicates(), file + ": duplicates");
    assertArrayEquals(vertices(one), vertices(many), file + ": vertices");
    assertArrayEquals(canonical(one), canonical(many), file + ": triangles");
  }

  @Test
  void ofParallel_duplicatesAcrossTheInput_lowestIndexStands() {
    double[][] p = DelaunayTriangulationTest.points("uniform", 60_000, 8);
    int n = 60_000;
    int extra = 3_000;
    double[] x = Arrays.copyOf(p[0], n + extra);
    double[] y = Arrays.copyOf(p[1], n + extra);
    double[] z = Arrays.copyOf(p[2], n + extra);
    for (int i = 0; i < extra; i++) {
      x[n + i] = p[0][i * 19];
      y[n + i] = p[1][i * 19];
      z[n + i] = -1;
    }
    DelaunayTriangulation one = DelaunayTriangulation.of(x, y, z, 0);
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(x, y, z, 0, 2);
    assertEquals(extra, one.duplicates());
    assertEquals(extra, many.duplicates());
    assertArrayEquals(vertices(one), vertices(many));
    assertArrayEquals(canonical(one), canonical(many));
    for (int v = 0; v < many.vertexCount(); v++) {
      assertTrue(many.inputIndex(v) < n, "a copy stands for its original");
      assertTrue(many.z(v) >= 0, "the original's z is kept");
    }
  }

  @Test
  void ofParallel_withTolerance_mergesNearPointsAndStaysDelaunay() {
    double[][] p = DelaunayTriangulationTest.points("uniform", 50_000, 12);
    int n = 50_000;
    double[] x = Arrays.copyOf(p[0], n + 500);
    double[] y = Arrays.copyOf(p[1], n + 500);
    double[] z = Arrays.copyOf(p[2], n + 500);
    for (int i = 0; i < 500; i++) {
      x[n + i] = p[0][i * 97] + 1e-5;
      y[n + i] = p[1][i * 97];
    }
    DelaunayTriangulation many = DelaunayTriangulation.ofParallel(x, y, z, 1e-4, 2);
    assertEquals(500, many.duplicates());
    assertEquals(n, many.vertexCount());
    DelaunayTriangulationTest.assertDelaunay(many, "near duplicates, two threads", false);
  }

  @Test
  void ofParallel_fewPointsOrOneThread_sequential() {
    double[][] p = DelaunayTriangulationTest.points("uniform", 3_000, 13);
    assertArrayEquals(
        canonical(DelaunayTriangulation.of(p[0], p[1], p[2], 0)),
        canonical(DelaunayTriangulation.ofParallel(p[0], p[1], p[2], 0, 4)));
    assertThrows(
        IllegalArgumentException.class,
        () -> DelaunayTriangulation.ofParallel(p[0], p[1], p[2], 0, 0));
  }
}
