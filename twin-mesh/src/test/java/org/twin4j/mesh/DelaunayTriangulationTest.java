// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random tests of the triangulation: every triangle counter-clockwise, no vertex strictly
 * inside any triangle's circumcircle (checked exactly, against all vertices for small inputs and
 * across every edge for large ones), the hull convex and holding every point, Euler's count of
 * triangles, and duplicates merged.
 */
class DelaunayTriangulationTest {

  static double[][] points(String kind, int n, long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    int side = (int) Math.ceil(Math.sqrt(n));
    for (int i = 0; i < n; i++) {
      switch (kind) {
        case "uniform":
          x[i] = 84_000 + rnd.nextDouble() * 1000;
          y[i] = 447_000 + rnd.nextDouble() * 1000;
          break;
        case "clustered":
          int c = rnd.nextInt(5);
          x[i] = 1000 * c + rnd.nextGaussian() * (c + 1);
          y[i] = 300 * c + rnd.nextGaussian() * (c + 1);
          break;
        case "grid":
          x[i] = 500_000 + (i % side) * 0.5;
          y[i] = 6_600_000 + (i / side) * 0.5;
          break;
        case "jittered":
          x[i] = (i % side) + rnd.nextDouble() * 1e-3;
          y[i] = (i / side) + rnd.nextDouble() * 1e-3;
          break;
        case "circle":
          double a = 2 * Math.PI * i / n;
          x[i] = Math.cos(a) * 100;
          y[i] = Math.sin(a) * 100;
          break;
        case "line-and-point":
          x[i] = i < n - 1 ? i * 0.25 : 3;
          y[i] = i < n - 1 ? i * 0.5 : -7;
          break;
        default:
          throw new IllegalArgumentException(kind);
      }
      z[i] = rnd.nextDouble() * 10;
    }
    return new double[][] {x, y, z};
  }

  static void assertDelaunay(DelaunayTriangulation t, String what, boolean brute) {
    int[] tri = t.triangles();
    int n = t.vertexCount();
    int[] hull = t.hull();
    assertEquals(2 * n - hull.length - 2, tri.length / 3, what + ": Euler's triangle count");
    for (int i = 0; i < tri.length; i += 3) {
      int a = tri[i];
      int b = tri[i + 1];
      int c = tri[i + 2];
      assertTrue(
          Predicates.orient2d(t.x(a), t.y(a), t.x(b), t.y(b), t.x(c), t.y(c)) > 0,
          what + ": triangle " + i / 3 + " not counter-clockwise");
    }
    if (brute) {
      for (int i = 0; i < tri.length; i += 3) {
        int a = tri[i];
        int b = tri[i + 1];
        int c = tri[i + 2];
        for (int v = 0; v < n; v++) {
          assertTrue(
              Predicates.incircle(t.x(a), t.y(a), t.x(b), t.y(b), t.x(c), t.y(c), t.x(v), t.y(v))
                  <= 0,
              what + ": vertex " + v + " inside the circumcircle of triangle " + i / 3);
        }
      }
    } else {
      // locally Delaunay across every edge is globally Delaunay
      java.util.Map<Long, Integer> opposite = new java.util.HashMap<>();
      for (int i = 0; i < tri.length; i += 3) {
        for (int k = 0; k < 3; k++) {
          int a = tri[i + k];
          int b = tri[i + (k + 1) % 3];
          opposite.put((long) a << 32 | b, tri[i + (k + 2) % 3]);
        }
      }
      for (int i = 0; i < tri.length; i += 3) {
        int a = tri[i];
        int b = tri[i + 1];
        int c = tri[i + 2];
        for (int k = 0; k < 3; k++) {
          int u = tri[i + k];
          int v = tri[i + (k + 1) % 3];
          Integer o = opposite.get((long) v << 32 | u);
          if (o != null) {
            assertTrue(
                Predicates.incircle(t.x(a), t.y(a), t.x(b), t.y(b), t.x(c), t.y(c), t.x(o), t.y(o))
                    <= 0,
                what + ": edge " + u + "-" + v + " not locally Delaunay");
          }
        }
      }
    }
    // the hull is convex and every vertex lies inside or on it
    for (int i = 0; i < hull.length; i++) {
      int a = hull[i];
      int b = hull[(i + 1) % hull.length];
      int c = hull[(i + 2) % hull.length];
      assertTrue(
          Predicates.orient2d(t.x(a), t.y(a), t.x(b), t.y(b), t.x(c), t.y(c)) >= 0,
          what + ": hull turns right at " + b);
      for (int v = 0; v < n; v += brute ? 1 : 97) {
        assertTrue(
            Predicates.orient2d(t.x(a), t.y(a), t.x(b), t.y(b), t.x(v), t.y(v)) >= 0,
            what + ": vertex " + v + " outside hull edge " + a + "-" + b);
      }
    }
    Set<Integer> used = new HashSet<>();
    for (int v : tri) {
      used.add(v);
    }
    assertEquals(n, used.size(), what + ": every vertex in a triangle");
  }

  @ParameterizedTest(name = "{0} n={1} seed={2}")
  @CsvSource({
    "uniform, 1000, 1",
    "uniform, 200000, 2",
    "clustered, 1000, 3",
    "clustered, 50000, 4",
    "grid, 1024, 5",
    "grid, 90000, 6",
    "jittered, 2500, 7",
    "jittered, 100000, 8",
    "circle, 500, 9",
    "line-and-point, 300, 10"
  })
  void of_isDelaunayWithConvexHull(String kind, int n, long seed) {
    double[][] p = points(kind, n, seed);
    DelaunayTriangulation t = DelaunayTriangulation.of(p[0], p[1], p[2], 0);
    assertEquals(n, t.vertexCount() + t.duplicates());
    assertDelaunay(t, kind + " n=" + n + " seed=" + seed, n <= 2500);
    for (int v = 0; v < t.vertexCount(); v += 101) {
      int i = t.inputIndex(v);
      assertEquals(p[0][i], t.x(v), 0);
      assertEquals(p[2][i], t.z(v), 0);
    }
  }

  @Test
  void of_duplicatesAndNearDuplicates_mergedAndCounted() {
    double[][] p = points("uniform", 5000, 11);
    int n = 5000;
    double[] x = Arrays.copyOf(p[0], n + 300);
    double[] y = Arrays.copyOf(p[1], n + 300);
    double[] z = Arrays.copyOf(p[2], n + 300);
    for (int i = 0; i < 300; i++) {
      x[n + i] = p[0][i * 7] + (i % 2 == 0 ? 0 : 1e-5);
      y[n + i] = p[1][i * 7];
      z[n + i] = 99;
    }
    DelaunayTriangulation exact = DelaunayTriangulation.of(x, y, z, 0);
    assertEquals(150, exact.duplicates(), "exact duplicates only");
    DelaunayTriangulation tol = DelaunayTriangulation.of(x, y, z, 1e-4);
    assertEquals(300, tol.duplicates(), "within 0.1 mm");
    assertEquals(n, tol.vertexCount());
    assertDelaunay(tol, "near duplicates", false);
  }

  @Test
  void of_degenerateInputs_noTriangles() {
    double[] x = {0, 1, 2, 3, 4};
    double[] y = {0, 1, 2, 3, 4};
    double[] z = new double[5];
    DelaunayTriangulation line = DelaunayTriangulation.of(x, y, z, 0);
    assertEquals(0, line.triangleCount());
    assertEquals(5, line.vertexCount());
    DelaunayTriangulation same =
        DelaunayTriangulation.of(new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[3], 0);
    assertEquals(1, same.vertexCount());
    assertEquals(2, same.duplicates());
    assertEquals(
        0,
        DelaunayTriangulation.of(new double[0], new double[0], new double[0], 0).triangleCount());
  }

  /**
   * Coordinates whose products overflow or underflow make the exact predicates inexact (a review
   * found wrong in-circle answers at 1e-100 and walks that never end at 1e77): they are refused
   * with the point named, by every entry point; the ends of the range still triangulate.
   */
  @Test
  void coordinatesOutsideExactRange_refused() {
    double[][] bad = {{1e77, 0}, {0, -1e61}, {1e-100, 0}, {3, -1e-31}};
    for (double[] p : bad) {
      double[] x = {0, 1, 0, p[0]};
      double[] y = {0, 0, 1, p[1]};
      double[] z = new double[4];
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> DelaunayTriangulation.of(x, y, z, 0));
      assertTrue(e.getMessage().startsWith("point 3 ("), e.getMessage());
      assertTrue(e.getMessage().contains("range of exact predicates"), e.getMessage());
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> DelaunayTriangulation.of(x, y, z, 0, new int[] {0, 1}));
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> DelaunayTriangulation.ofParallel(x, y, z, 0, 2));
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> Terrain.simplify(x, y, z, 0.1));
    }
    // NaN reaches the constrained entry point too
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            DelaunayTriangulation.of(
                new double[] {0, 1, Double.NaN},
                new double[] {0, 0, 1},
                new double[3],
                0,
                new int[] {0, 1}));
    double big = DelaunayTriangulation.MAX_COORDINATE;
    double small = DelaunayTriangulation.MIN_COORDINATE;
    DelaunayTriangulation t =
        DelaunayTriangulation.of(
            new double[] {0, big, 0, -big, small},
            new double[] {0, 0, big, -big, small},
            new double[5],
            0);
    assertEquals(5, t.vertexCount());
    assertEquals(5, t.triangleCount()); // 2 n - 2 - h with a hull of 3
  }
}
